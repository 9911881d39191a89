package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads OpenAPI 3.0 / 3.1 documents (JSON or YAML): one panel per GET operation, parameters filled
 * in from their examples, the first server URL as the environment variable {@code baseUrl}. Read
 * with Jackson (already a dependency) rather than swagger-parser; docs/import.md says why.
 */
public final class OpenApiImporter {
  private static final int MAX_CHARS = 8 * 1024 * 1024;
  private static final ObjectMapper YAML;

  static {
    var loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CHARS);
    loader.setMaxAliasesForCollections(50);
    YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(loader).build());
  }

  private OpenApiImporter() {}

  /**
   * The GET operations of the document as panels.
   *
   * @throws ImportException for malformed JSON or YAML (with line and column), Swagger 2.0, or a
   *     document without {@code openapi: 3…}
   */
  public static ImportResult parse(String text) throws ImportException {
    JsonNode root;
    try {
      // YAML is a superset of JSON: one parser reads both.
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ImportException(
          "not valid YAML or JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new ImportException("an OpenAPI document is a mapping starting with 'openapi: 3…'");
    }
    if (root.has("swagger")) {
      throw new ImportException(
          "this is a Swagger "
              + root.path("swagger").asText()
              + " document; only OpenAPI 3 is supported (convert it, e.g. with swagger2openapi)");
    }
    String version = root.path("openapi").asText("");
    if (!version.startsWith("3")) {
      throw new ImportException(
          "not an OpenAPI 3 document: 'openapi' should be 3.x (found '" + version + "')");
    }
    var notices = new ArrayList<String>();
    String title = root.path("info").path("title").asText("OpenAPI");
    String prefix = PanelIds.envName(title);
    var env = new LinkedHashMap<String, String>();
    env.put(
        "baseUrl",
        new LiteralSecrets(prefix, notices)
            .environmentValue("baseUrl", serverUrl(root.path("servers"), notices)));
    var ids = new PanelIds(List.of());
    var panels = new ArrayList<PanelSpec>();
    int skipped = 0;
    var paths = root.path("paths");
    for (var entry : paths.properties()) {
      String path = entry.getKey();
      JsonNode item = resolve(root, entry.getValue(), notices);
      for (var op : item.properties()) {
        String method = op.getKey();
        if (List.of("put", "post", "delete", "patch", "head", "options", "trace")
            .contains(method)) {
          skipped++;
        }
      }
      JsonNode get = item.path("get");
      if (get.isMissingNode()) {
        continue;
      }
      panels.add(operation(root, path, item, get, prefix, ids, notices));
    }
    if (skipped > 0) {
      notices.add(
          skipped + " operation(s) other than GET were skipped: only GET operations become panels");
    }
    if (panels.isEmpty()) {
      notices.add("the document has no GET operations: no panels were added");
    }
    return new ImportResult(panels, Map.of(PanelIds.slug(title), env), notices);
  }

  private static String serverUrl(JsonNode servers, List<String> notices) {
    if (!servers.isArray() || servers.isEmpty()) {
      notices.add(
          "the document names no server: set baseUrl in the environment (http://localhost for"
              + " now)");
      return "http://localhost";
    }
    JsonNode server = servers.get(0);
    String url = server.path("url").asText("");
    for (var v : server.path("variables").properties()) {
      url = url.replace("{" + v.getKey() + "}", v.getValue().path("default").asText(""));
    }
    if (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    if (!url.contains("://")) {
      notices.add(
          "the server URL '"
              + url
              + "' is relative: set baseUrl to the full URL (e.g. https://host"
              + url
              + ")");
    }
    if (servers.size() > 1) {
      notices.add("the first of " + servers.size() + " servers was used for baseUrl");
    }
    return url;
  }

  private static PanelSpec operation(
      JsonNode root,
      String path,
      JsonNode item,
      JsonNode get,
      String prefix,
      PanelIds ids,
      List<String> notices) {
    String title =
        get.hasNonNull("summary")
            ? get.path("summary").asText()
            : get.hasNonNull("operationId") ? get.path("operationId").asText() : "GET " + path;
    String idBase = get.hasNonNull("operationId") ? get.path("operationId").asText() : title;
    var params = new LinkedHashMap<String, JsonNode>();
    for (JsonNode p : item.path("parameters")) {
      JsonNode r = resolve(root, p, notices);
      params.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
    }
    for (JsonNode p : get.path("parameters")) {
      JsonNode r = resolve(root, p, notices);
      params.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
    }
    String url = path;
    var query = new LinkedHashMap<String, String>();
    var headers = new LinkedHashMap<String, String>();
    for (JsonNode p : params.values()) {
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      boolean required = p.path("required").asBoolean(false);
      String example = example(root, p, notices);
      switch (in) {
        case "path" -> {
          if (example == null) {
            example = "1";
            notices.add(title + ": path parameter '" + name + "' has no example; 1 was filled in");
          }
          url = url.replace("{" + name + "}", URLEncoder.encode(example, StandardCharsets.UTF_8));
        }
        case "query" -> {
          if (example != null && (required || hasExample(p))) {
            query.put(name, example);
          } else if (required) {
            query.put(name, "");
            notices.add(title + ": required query parameter '" + name + "' has no example");
          }
        }
        case "header" -> {
          if (Secrets.looksSecret(name)) {
            headers.put(name, "${env:" + prefix + "_" + PanelIds.envName(name) + "}");
          } else if (example != null && (required || hasExample(p))) {
            headers.put(name, example);
          }
        }
        default -> notices.add(title + ": " + in + " parameter '" + name + "' is not supported");
      }
    }
    JsonNode security = get.has("security") ? get.path("security") : root.path("security");
    AuthSpec auth = security(root, security, headers, query, prefix, title, notices);
    var spec =
        new LiteralSecrets(prefix, notices)
            .scrub(
                new HttpRequestSpec(
                    "GET",
                    "${baseUrl}" + url,
                    query,
                    headers,
                    null,
                    auth,
                    null,
                    null,
                    null,
                    null,
                    null),
                title);
    PanelSpec panel = PanelSpec.http(ids.next(idBase), title, spec);
    String rows = rowsPath(root, get, notices);
    return rows == null ? panel : panel.withRows(rows);
  }

  /** {@code $} for an array response, {@code $.x} for an object whose property x is an array. */
  private static @Nullable String rowsPath(JsonNode root, JsonNode get, List<String> notices) {
    JsonNode responses = get.path("responses");
    JsonNode ok = responses.has("200") ? responses.path("200") : responses.path("2XX");
    JsonNode schema =
        resolve(
            root,
            resolve(root, ok, notices).path("content").path("application/json").path("schema"),
            notices);
    if ("array".equals(schema.path("type").asText())) {
      return null; // the whole body is the rows: the default
    }
    for (var prop : schema.path("properties").properties()) {
      if ("array".equals(resolve(root, prop.getValue(), notices).path("type").asText())) {
        return "$." + prop.getKey();
      }
    }
    return null;
  }

  private static @Nullable AuthSpec security(
      JsonNode root,
      JsonNode security,
      Map<String, String> headers,
      Map<String, String> query,
      String prefix,
      String title,
      List<String> notices) {
    if (!security.isArray() || security.isEmpty() || security.get(0).isEmpty()) {
      return null;
    }
    String schemeName = security.get(0).properties().iterator().next().getKey();
    JsonNode scheme =
        resolve(root, root.path("components").path("securitySchemes").path(schemeName), notices);
    String type = scheme.path("type").asText();
    String httpScheme = scheme.path("scheme").asText().toLowerCase(java.util.Locale.ROOT);
    if (type.equals("http") && httpScheme.equals("basic")) {
      needEnv(notices, prefix + "_USER", prefix + "_PASSWORD");
      return AuthSpec.basic("${env:" + prefix + "_USER}", "${env:" + prefix + "_PASSWORD}");
    }
    if ((type.equals("http") && httpScheme.equals("bearer"))
        || type.equals("oauth2")
        || type.equals("openIdConnect")) {
      needEnv(notices, prefix + "_TOKEN");
      if (!type.equals("http")) {
        notices.add(
            title
                + ": "
                + type
                + " is imported as a bearer token; get one yourself and set "
                + prefix
                + "_TOKEN");
      }
      return AuthSpec.bearer("${env:" + prefix + "_TOKEN}");
    }
    if (type.equals("apiKey")) {
      String env = prefix + "_API_KEY";
      needEnv(notices, env);
      String name = scheme.path("name").asText("X-Api-Key");
      switch (scheme.path("in").asText()) {
        case "query" -> query.put(name, "${env:" + env + "}");
        case "header" -> headers.put(name, "${env:" + env + "}");
        default -> notices.add(title + ": an API key in a cookie is not supported");
      }
      return null;
    }
    notices.add(title + ": security scheme '" + schemeName + "' (" + type + ") is not supported");
    return null;
  }

  private static void needEnv(List<String> notices, String... names) {
    String notice =
        "set the environment variable(s) "
            + String.join(", ", names)
            + " (used for authentication)";
    if (!notices.contains(notice)) {
      notices.add(notice);
    }
  }

  private static boolean hasExample(JsonNode p) {
    JsonNode s = p.path("schema");
    return p.has("example") || p.has("examples") || s.has("example") || s.has("default");
  }

  /** The example value of a parameter: its example, first of examples, or its schema's. */
  private static @Nullable String example(JsonNode root, JsonNode p, List<String> notices) {
    if (p.has("example")) {
      return text(p.path("example"));
    }
    for (JsonNode e : p.path("examples")) {
      JsonNode r = resolve(root, e, notices);
      if (r.has("value")) {
        return text(r.path("value"));
      }
    }
    JsonNode s = resolve(root, p.path("schema"), notices);
    if (s.has("example")) {
      return text(s.path("example"));
    }
    if (s.has("examples") && s.path("examples").isArray() && !s.path("examples").isEmpty()) {
      return text(s.path("examples").get(0));
    }
    if (s.has("default")) {
      return text(s.path("default"));
    }
    if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
      return text(s.path("enum").get(0));
    }
    return switch (s.path("type").asText()) {
      case "integer", "number" -> s.has("minimum") ? text(s.path("minimum")) : "1";
      case "boolean" -> "true";
      case "string" ->
          switch (s.path("format").asText()) {
            case "date" -> "2024-01-01";
            case "date-time" -> "2024-01-01T00:00:00Z";
            case "uuid" -> "00000000-0000-0000-0000-000000000000";
            default -> null;
          };
      default -> null;
    };
  }

  private static String text(JsonNode n) {
    if (n.isArray()) {
      var parts = new ArrayList<String>();
      n.forEach(x -> parts.add(x.asText()));
      return String.join(",", parts);
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** Follows a local {@code $ref} (up to a few hops); external references are noticed. */
  private static JsonNode resolve(JsonNode root, JsonNode node, List<String> notices) {
    for (int hops = 0; hops < 10 && node.has("$ref"); hops++) {
      String ref = node.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        String notice = "external reference " + ref + " is not followed";
        if (!notices.contains(notice)) {
          notices.add(notice);
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      node = root.at(ref.substring(1).replace("~1", "/").replace("~0", "~"));
    }
    return node;
  }
}
