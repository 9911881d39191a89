package dev.fetchboard.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

  private final ObjectMapper yaml = YamlMapping.newYamlMapper();

  /** Reads, parses and validates a workspace file. */
  public Workspace read(Path file) throws WorkspaceException {
    return parse(readText(file), file);
  }

  /**
   * The text of a workspace file, refused when too large or not UTF-8; callers that must know
   * exactly which bytes they parsed (to notice later changes) read it once through this.
   */
  public String readText(Path file) throws WorkspaceException {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new WorkspaceException(
            file, "file is " + ByteSize.human(size) + "; workspaces are limited to 8 MB", null);
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new WorkspaceException(file, "no such file", e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new WorkspaceException(file, "not a UTF-8 text file", e);
    } catch (IOException e) {
      throw new WorkspaceException(file, "cannot read: " + e.getMessage(), e);
    }
    return text;
  }

  /** Parses and validates workspace text; {@code file} only names it in messages (may be null). */
  public Workspace parse(String text, Path file) throws WorkspaceException {
    Workspace workspace = parseUnchecked(text, file);
    List<Problem> problems = new WorkspaceValidator(false).validate(workspace);
    if (!problems.isEmpty()) {
      throw new WorkspaceException(file, locate(problems, text));
    }
    return workspace;
  }

  /** A workspace as parsed, with what is wrong in its content (empty when it would all run). */
  public record Parsed(Workspace workspace, List<Problem> problems) {}

  /**
   * Parses workspace text, keeping the workspace even when some of its content is invalid (a panel
   * with a half-typed URL): the window opens it and shows each problem where it is. Only text that
   * is not a workspace at all (bad YAML, wrong format version) is refused.
   */
  public Parsed parseLenient(String text, Path file) throws WorkspaceException {
    Workspace workspace = parseUnchecked(text, file);
    List<Problem> problems = new WorkspaceValidator(false).validate(workspace);
    return new Parsed(workspace, problems.isEmpty() ? List.of() : locate(problems, text));
  }

  /**
   * Parses without validating the content: for edits kept for recovery, which may be half done (a
   * URL still being typed) and must come back as they were rather than be refused.
   */
  public Workspace parseUnchecked(String text, Path file) throws WorkspaceException {
    if (text.isBlank()) {
      throw new WorkspaceException(
          file, "the file is empty; a workspace starts with 'fetchboard: 1'", null);
    }
    checkFormatVersion(text, file);
    Workspace workspace;
    try {
      workspace = yaml.readValue(text, Workspace.class);
    } catch (UnrecognizedPropertyException e) {
      // Jackson's location is past the unknown key's value; point at the key itself.
      Problem p = toProblem(e);
      throw new WorkspaceException(
          file, locate(List.of(new Problem(p.where(), p.message())), text));
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(file, List.of(toProblem(e)));
    }
    if (workspace == null) {
      throw new WorkspaceException(file, "the file holds no workspace", null);
    }
    return workspace;
  }

  /** The YAML text of a workspace: stable key order, nothing resolved. */
  public String toYaml(Workspace workspace) {
    try {
      return yaml.writeValueAsString(workspace);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write workspace as YAML", e);
    }
  }

  /**
   * Writes atomically: a temp file beside the target, fsync, rename over the target, fsync the
   * folder. On any failure the old file is left as it was.
   */
  public void write(Workspace workspace, Path file) throws IOException {
    AtomicFiles.write(file, toYaml(workspace).getBytes(StandardCharsets.UTF_8));
  }

  private void checkFormatVersion(String text, Path file) throws WorkspaceException {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(file, List.of(toProblem(e)));
    }
    if (root == null || !root.isObject()) {
      throw new WorkspaceException(
          file, "a workspace is a YAML mapping starting with 'fetchboard: 1'", null);
    }
    JsonNode version = root.get("fetchboard");
    if (version == null) {
      throw new WorkspaceException(
          file, "missing 'fetchboard: 1' (the format version) at the top of the file", null);
    }
    if (!version.canConvertToInt() || version.asInt() < 1) {
      throw new WorkspaceException(file, "'fetchboard' must be the format version, 1", null);
    }
    if (version.asInt() > Workspace.FORMAT_VERSION) {
      throw new WorkspaceException(
          file,
          "written by a newer Fetchboard (format "
              + version.asInt()
              + "); this version reads format "
              + Workspace.FORMAT_VERSION
              + ": please update Fetchboard",
          null);
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

  /** Adds line and column to problems whose path can be found in the text. */
  private List<Problem> locate(List<Problem> problems, String text) {
    Map<String, int[]> index = new HashMap<>();
    try (var parser = yaml.getFactory().createParser(text)) {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        JsonStreamContext ctx = parser.getParsingContext();
        JsonStreamContext keyed = null;
        if (t == JsonToken.FIELD_NAME) {
          keyed = ctx;
        } else if (t.isStructStart() && ctx.getParent() != null && ctx.getParent().inArray()) {
          keyed = ctx.getParent();
        } else if (t.isScalarValue() && ctx.inArray()) {
          keyed = ctx;
        }
        if (keyed != null) {
          var loc = parser.currentTokenLocation();
          index.putIfAbsent(dotted(keyed), new int[] {loc.getLineNr(), loc.getColumnNr()});
        }
      }
    } catch (IOException e) {
      return problems;
    }
    var out = new ArrayList<Problem>();
    for (Problem p : problems) {
      String where = p.where();
      int[] loc = null;
      while (loc == null && where != null && !where.isEmpty()) {
        loc = index.get(where);
        where = parentPath(where);
      }
      out.add(loc == null ? p : p.at(loc[0], loc[1]));
    }
    return out;
  }

  private static String parentPath(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  private static String dotted(JsonStreamContext ctx) {
    var parts = new ArrayList<String>();
    for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    var sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      sb.append(parts.get(i));
    }
    return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
  }
}
