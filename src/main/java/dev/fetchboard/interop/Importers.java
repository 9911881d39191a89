package dev.fetchboard.interop;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Picks an import format from content, runs the importer, and merges results into a workspace. */
public final class Importers {
  private static final Pattern METHOD_LINE =
      Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+\\S+", Pattern.MULTILINE);

  private static final Pattern OPENAPI =
      Pattern.compile("(^|[\\n{,])\\s*[\"']?openapi[\"']?\\s*:\\s*[\"']?3");

  private Importers() {}

  /**
   * The format of {@code text}, judged from its content.
   *
   * @throws ImportException when it is none Fetchboard knows
   */
  public static ImportFormat detect(String text) throws ImportException {
    String t = text.strip();
    if (CurlParser.looks(t)) {
      return ImportFormat.CURL;
    }
    if (t.startsWith("{")
        && ((t.contains("\"schema\"") && t.contains("/collection/v"))
            || t.contains("\"_postman_variable_scope\""))) {
      return ImportFormat.POSTMAN;
    }
    if (OPENAPI.matcher(t).find()) {
      return ImportFormat.OPENAPI;
    }
    if (t.contains("###") || METHOD_LINE.matcher(t).lookingAt()) {
      return ImportFormat.HTTP;
    }
    throw new ImportException(
        "cannot tell the format: expected a cURL command, a Postman v2.1 collection, an OpenAPI 3"
            + " document or a .http file (use --format to say which)");
  }

  /** Imports {@code text} in the given format. */
  public static ImportResult read(String text, ImportFormat format) throws ImportException {
    return switch (format) {
      case CURL -> CurlParser.parse(text);
      case HTTP -> HttpFileImporter.parse(text);
      case POSTMAN -> PostmanImporter.parse(text);
      case OPENAPI -> OpenApiImporter.parse(text);
    };
  }

  /** Inputs larger than this are refused before parsing. */
  public static final long MAX_INPUT_BYTES = ImportInput.MAX_BYTES;

  /**
   * Reads a file (UTF-8, at most 8 MB, no devices), detects its format and imports it: the "Import
   * → …" entry.
   *
   * @throws ImportException when the file cannot be read or parsed; the message names the file
   */
  public static ImportResult read(java.nio.file.Path file) throws ImportException {
    String text = ImportInput.read(file);
    try {
      return read(text);
    } catch (ImportException e) {
      throw e.inFile(file);
    }
  }

  /** Detects the format of {@code text} and imports it. */
  public static ImportResult read(String text) throws ImportException {
    return read(text, detect(text));
  }

  /**
   * {@code workspace} with the imported panels appended (ids made unique against the panels already
   * there: -2, -3, …) and the imported environments added; existing variables keep their values.
   */
  public static Workspace merge(Workspace workspace, ImportResult result) {
    var ids = new PanelIds(workspace.panels().stream().map(PanelSpec::id).toList());
    var panels = new ArrayList<>(workspace.panels());
    for (PanelSpec p : result.panels()) {
      panels.add(p.withId(ids.next(p.id())));
    }
    var envs = new LinkedHashMap<String, Map<String, String>>();
    workspace.environments().forEach((k, v) -> envs.put(k, new LinkedHashMap<>(v)));
    result
        .environments()
        .forEach(
            (name, vars) -> {
              Map<String, String> target = envs.computeIfAbsent(name, k -> new LinkedHashMap<>());
              vars.forEach(target::putIfAbsent);
            });
    Workspace merged = workspace.withPanels(panels).withEnvironments(envs);
    if (merged.environment() == null && !result.environments().isEmpty()) {
      merged = merged.withEnvironment(result.environments().keySet().iterator().next());
    }
    return merged;
  }

  /** Panels' cURL commands, each after a {@code # title} comment line. */
  public static String toCurl(List<PanelSpec> panels) {
    var sb = new StringBuilder();
    for (PanelSpec p : panels) {
      if (p.asHttp().isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append("\n");
      }
      // A line break in the title would end the comment and start a command.
      sb.append("# ")
          .append(p.displayTitle().replaceAll("[\\p{Cntrl}\u0085\u2028\u2029]", " "))
          .append('\n')
          .append(CurlWriter.write(p))
          .append('\n');
    }
    return sb.toString();
  }
}
