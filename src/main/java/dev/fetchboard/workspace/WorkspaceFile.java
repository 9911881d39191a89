package dev.fetchboard.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.fetchboard.workspace.yaml.CommentKeepingWriter;
import dev.fetchboard.workspace.yaml.YamlTree;
import dev.fetchboard.workspace.yaml.YamlTreeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes workspace YAML files. Reading reports every problem with its line and column;
 * writing is atomic (temp file, fsync, rename) so a crash never leaves a truncated workspace.
 */
public final class WorkspaceFile {
  /** Files larger than this are refused before parsing. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  // The text is parsed before its size in code points is known; bytes bound it anyway.
  private static final int MAX_CODE_POINTS = (int) MAX_FILE_BYTES + 1;

  private final ObjectMapper yaml = YamlMapping.newYamlMapper();
  private final ObjectReader reader = yaml.readerFor(Workspace.class);
  private final ObjectMapper json =
      YamlMapping.newJsonMapper()
          .enable(
              com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

  /** Reads, parses and validates a workspace file. */
  public Workspace read(Path file) throws WorkspaceException {
    return parse(readText(file), file);
  }

  /**
   * The text of a workspace file, refused when it is not a regular file, too large or not UTF-8; at
   * most {@link #MAX_FILE_BYTES} + 1 bytes are ever read. Callers that must know exactly which
   * bytes they parsed (to notice later changes) read it once through this.
   */
  public String readText(Path file) throws WorkspaceException {
    byte[] bytes;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (attrs.isDirectory()) {
        throw new WorkspaceException(file, "is a folder, not a workspace file", null);
      }
      if (!attrs.isRegularFile()) {
        throw new WorkspaceException(
            file, "is not a regular file (a device, pipe or socket); it was not read", null);
      }
      if (attrs.size() > MAX_FILE_BYTES) {
        throw tooLarge(file, ByteSize.human(attrs.size()));
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new WorkspaceException(file, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new WorkspaceException(file, "cannot read: permission denied", e);
    } catch (IOException e) {
      throw new WorkspaceException(file, "cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(file, "more than 8 MB");
    }
    return decodeUtf8(bytes, file);
  }

  private static WorkspaceException tooLarge(Path file, String size) {
    return new WorkspaceException(
        file, "file is " + size + "; workspaces are limited to 8 MB", null);
  }

  /** Strict UTF-8 (a bad byte is named by line and column), without a leading byte order mark. */
  private static String decodeUtf8(byte[] bytes, Path file) throws WorkspaceException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column =
          new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new WorkspaceException(
          file,
          List.of(
              new Problem("", "not a UTF-8 text file (an invalid byte is here)", line, column)));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Parses and validates workspace text; {@code file} only names it in messages (may be null). */
  public Workspace parse(String text, Path file) throws WorkspaceException {
    Loaded loaded = load(text, file);
    List<Problem> problems = new WorkspaceValidator(false).validate(loaded.workspace());
    if (!problems.isEmpty()) {
      throw new WorkspaceException(file, locate(problems, loaded.tree()));
    }
    return loaded.workspace();
  }

  /** A workspace as parsed, with what is wrong in its content (empty when it would all run). */
  public record Parsed(Workspace workspace, List<Problem> problems) {}

  /**
   * Parses workspace text, keeping the workspace even when some of its content is invalid (a panel
   * with a half-typed URL): the window opens it and shows each problem where it is. Only text that
   * is not a workspace at all (bad YAML, wrong format version) is refused.
   */
  public Parsed parseLenient(String text, Path file) throws WorkspaceException {
    Loaded loaded = load(text, file);
    List<Problem> problems = new WorkspaceValidator(false).validate(loaded.workspace());
    return new Parsed(
        loaded.workspace(), problems.isEmpty() ? List.of() : locate(problems, loaded.tree()));
  }

  /**
   * Parses without validating the content: for edits kept for recovery, which may be half done (a
   * URL still being typed) and must come back as they were rather than be refused.
   */
  public Workspace parseUnchecked(String text, Path file) throws WorkspaceException {
    return load(text, file).workspace();
  }

  /** A workspace bound from its YAML node tree, which still knows where each field is. */
  private record Loaded(Workspace workspace, YamlTree tree) {}

  private Loaded load(String text, Path file) throws WorkspaceException {
    if (text.isBlank()) {
      throw new WorkspaceException(
          file,
          List.of(
              new Problem("", "the file is empty; a workspace starts with 'fetchboard: 1'", 1, 1)));
    }
    YamlTree tree;
    JsonNode root;
    try {
      tree = YamlTree.parse(text, MAX_CODE_POINTS);
      root = tree.toJson();
    } catch (YamlTreeException e) {
      throw new WorkspaceException(
          file, List.of(new Problem("", e.getMessage(), e.line(), e.column())));
    }
    checkFormatVersion(root, tree, file);
    Workspace workspace;
    try {
      workspace = reader.readValue(root);
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(file, locate(List.of(toProblem(e)), tree));
    } catch (IOException | RuntimeException e) {
      // A value a constructor refused in a way binding does not name (e.g. an empty list item).
      Problem p = new Problem("", "cannot read this workspace: " + firstLine(e.getMessage()));
      throw new WorkspaceException(file, locate(List.of(p), tree));
    }
    if (workspace == null) {
      throw new WorkspaceException(
          file, List.of(new Problem("", "the file holds no workspace", 1, 1)));
    }
    return new Loaded(workspace, tree);
  }

  /** The YAML text of a workspace: stable key order, nothing resolved. */
  public String toYaml(Workspace workspace) {
    String text;
    String asJson;
    try {
      text = yaml.writeValueAsString(workspace);
      JsonNode expected = yaml.valueToTree(workspace);
      JsonNode got = readBack(text);
      if (expected.equals(got)) {
        return text;
      }
      // Jackson's emitter writes U+0085, U+2028 and U+2029 as YAML 1.1 escapes (or raw line
      // breaks) that YAML 1.2 reads otherwise. JSON, escaping all but ASCII, is YAML 1.2 too.
      asJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(workspace) + "\n";
      if (got != null && got.equals(readBack(asJson))) {
        return text; // only defaults a save leaves out differ (an empty name reads as Untitled)
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write workspace as YAML", e);
    }
    return asJson;
  }

  private JsonNode readBack(String text) {
    try {
      return yaml.valueToTree(parseUnchecked(text, null));
    } catch (WorkspaceException | RuntimeException e) {
      return null;
    }
  }

  /** True when {@code text} reads back as {@code workspace} does after a fresh save. */
  private boolean readsBackAs(String text, Workspace workspace) {
    JsonNode got = readBack(text);
    return got != null
        && (got.equals(yaml.valueToTree(workspace))
            // Defaults a save leaves out (an empty name reads back as "Untitled"): as a fresh save.
            || got.equals(readBack(toYaml(workspace))));
  }

  /**
   * The YAML text of a workspace saved over a file that held {@code previousText}: only what
   * changed is rewritten, so the author's comments, blank lines, quoting and key order stay where
   * they still have a place, and an unchanged workspace gives {@code previousText} back byte for
   * byte. Falls back to {@link #toYaml(Workspace)} when there is no usable previous text, and
   * whenever the edited text would not read back as {@code workspace}.
   */
  public String toYaml(Workspace workspace, String previousText) {
    if (previousText == null || previousText.isBlank()) {
      return toYaml(workspace);
    }
    try {
      YamlTree tree = YamlTree.parse(previousText, MAX_CODE_POINTS);
      JsonNode before = yaml.valueToTree(reader.readValue(tree.toJson()));
      JsonNode after = yaml.valueToTree(workspace);
      String text = CommentKeepingWriter.write(tree, before, after, this::blockYaml);
      if (text != null && (text.equals(previousText) || readsBackAs(text, workspace))) {
        return text;
      }
    } catch (YamlTreeException | IOException | RuntimeException e) {
      // The previous text is no workspace any more (or never was): write afresh.
    }
    return toYaml(workspace);
  }

  private String blockYaml(JsonNode node) {
    try {
      return yaml.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /**
   * Writes atomically: a temp file beside the target, fsync, rename over the target, fsync the
   * folder. On any failure the old file is left as it was.
   */
  public void write(Workspace workspace, Path file) throws IOException {
    AtomicFiles.write(file, toYaml(workspace).getBytes(StandardCharsets.UTF_8));
  }

  private static void checkFormatVersion(JsonNode root, YamlTree tree, Path file)
      throws WorkspaceException {
    if (root == null || !root.isObject()) {
      throw new WorkspaceException(
          file,
          locate(
              List.of(
                  new Problem("", "a workspace is a YAML mapping starting with 'fetchboard: 1'")),
              tree));
    }
    JsonNode version = root.get("fetchboard");
    if (version == null) {
      throw new WorkspaceException(
          file,
          List.of(
              new Problem(
                  "",
                  "missing 'fetchboard: 1' (the format version) at the top of the file",
                  1,
                  1)));
    }
    String problem = null;
    if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
      problem = "'fetchboard' must be the format version, 1";
    } else if (version.asInt() > Workspace.FORMAT_VERSION) {
      problem =
          "written by a newer Fetchboard (format "
              + version.asInt()
              + "); this version reads format "
              + Workspace.FORMAT_VERSION
              + ": please update Fetchboard";
    }
    if (problem != null) {
      throw new WorkspaceException(file, locate(List.of(new Problem("fetchboard", problem)), tree));
    }
  }

  /** The known key a typo most likely meant: at most two edits away (one for short keys). */
  static String nearest(String key, List<String> known) {
    String best = null;
    int bestDistance = key.length() <= 4 ? 2 : 3;
    for (String k : known) {
      int d = editDistance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  private static int editDistance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  static Problem toProblem(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    int column = loc == null ? 0 : loc.getColumnNr();
    String where = e instanceof JsonMappingException m ? path(m.getPath()) : "";
    String message;
    if (e instanceof UnrecognizedPropertyException u) {
      where = path(u.getPath());
      var known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      String near = nearest(u.getPropertyName(), known);
      message =
          "unknown key '"
              + u.getPropertyName()
              + "'"
              + (near == null ? "" : ": did you mean '" + near + "'?")
              + " (known keys: "
              + String.join(", ", known)
              + ")";
    } else if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException) {
      message = rootMessage(e);
    } else if (e instanceof MismatchedInputException mi) {
      Throwable cause = mi.getCause();
      message =
          cause instanceof IllegalArgumentException
              ? cause.getMessage()
              : "expected " + typeName(mi.getTargetType()) + " here";
    } else if (e instanceof DatabindException) {
      message = rootMessage(e);
    } else {
      message = "not valid YAML: " + firstLine(e.getOriginalMessage());
    }
    return new Problem(where, message, line, column);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof IllegalArgumentException) {
      return t.getMessage();
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not " + article(typeName(f.getTargetType()));
    }
    return firstLine(
        e instanceof JsonProcessingException jp ? jp.getOriginalMessage() : e.getMessage());
  }

  private static String article(String type) {
    return type.startsWith("a ") || type.startsWith("an ") ? type : "a valid " + type;
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping (key: value lines)";
    }
    if (type == java.time.Duration.class) {
      return "a duration like 5s";
    }
    return "a " + type.getSimpleName();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    var sb = new StringBuilder();
    for (var r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
  }

  /** Adds line and column to problems: the field's, else the nearest enclosing one's. */
  private static List<Problem> locate(List<Problem> problems, YamlTree tree) {
    var out = new ArrayList<Problem>();
    for (Problem p : problems) {
      int[] at = tree.locate(p.where());
      out.add(p.at(at[0], at[1]));
    }
    return out;
  }
}
