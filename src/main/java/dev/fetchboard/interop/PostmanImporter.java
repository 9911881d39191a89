package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Variables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Postman collections (v2.1, and v2.0 which has the same shape) and Postman environment
 * exports. Folders become title prefixes ("Orders / List orders"); collection and environment
 * variables become a workspace environment, secrets as {@code ${env:NAME}} references.
 */
public final class PostmanImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostmanImporter() {}

  /** True when the JSON text is a Postman environment export rather than a collection. */
  static boolean isEnvironment(JsonNode root) {
    return root.has("values") && root.path("values").isArray() && !root.has("item");
  }

  /**
   * The panels and variables of a collection, or the variables of an environment export.
   *
   * @throws ImportException for malformed JSON (with line and column) or another kind of document
   */
  public static ImportResult parse(String text) throws ImportException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ImportException(
          "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new ImportException("a Postman collection is a JSON object");
    }
    var notices = new ArrayList<String>();
    if (isEnvironment(root)) {
      String name = root.path("name").asText("postman");
      var vars = variables(root.path("values"), PanelIds.envName(name), notices);
      return new ImportResult(List.of(), Map.of(slug(name), vars), notices);
    }
    String schema = root.path("info").path("schema").asText("");
    if (schema.contains("collection/v1") || (schema.isEmpty() && root.has("requests"))) {
      throw new ImportException(
          "this is a Postman collection v1; export it from Postman as Collection v2.1");
    }
    if (!schema.contains("collection/v2")) {
      throw new ImportException(
          "not a Postman collection: info.schema should name collection/v2.1.0 (found '"
              + schema
              + "')");
    }
    String collectionName = root.path("info").path("name").asText("Postman");
    var ctx = new Context(notices, new PanelIds(List.of()), PanelIds.envName(collectionName));
    ctx.items(root.path("item"), "", root.path("auth"));
    var environments = new LinkedHashMap<String, Map<String, String>>();
    var vars = variables(root.path("variable"), PanelIds.envName(collectionName), notices);
    if (!vars.isEmpty()) {
      environments.put(slug(collectionName), vars);
    }
    if (ctx.scripts > 0) {
      notices.add(
          ctx.scripts
              + " pre-request or test script(s) were left out: Fetchboard does not run scripts"
              + " (use checks instead)");
    }
    return new ImportResult(ctx.panels, environments, notices);
  }

  private static String slug(String name) {
    return PanelIds.slug(name);
  }

  private static Map<String, String> variables(JsonNode list, String prefix, List<String> notices) {
    var out = new LinkedHashMap<String, String>();
    for (JsonNode v : list) {
      String key = v.path("key").asText("");
      if (key.isEmpty() || (v.has("enabled") && !v.path("enabled").asBoolean(true))) {
        continue;
      }
      boolean secret = "secret".equals(v.path("type").asText()) || Secrets.looksSecret(key);
      if (secret) {
        out.put(key, Secrets.reference(key, prefix));
        notices.add(
            "set the environment variable "
                + Secrets.envName(key, prefix)
                + " (the value of the variable '"
                + key
                + "' was not copied)");
      } else {
        String value = HttpFileImporter.convert(v.path("value").asText(""), notices, 0);
        out.put(key, new LiteralSecrets(prefix, notices).environmentValue(key, value));
      }
    }
    return out;
  }

  private static final class Context {
    final List<String> notices;
    final PanelIds ids;
    final String envPrefix;
    final List<PanelSpec> panels = new ArrayList<>();
    int scripts;

    Context(List<String> notices, PanelIds ids, String envPrefix) {
      this.notices = notices;
      this.ids = ids;
      this.envPrefix = envPrefix;
    }

    void items(JsonNode items, String folder, JsonNode inheritedAuth) {
      for (JsonNode item : items) {
        scripts += item.path("event").size();
        String name = item.path("name").asText("Request");
        JsonNode auth = item.has("auth") ? item.path("auth") : inheritedAuth;
        if (item.has("item")) {
          items(item.path("item"), folder + name + " / ", auth);
        } else if (item.has("request")) {
          panels.add(request(item.path("request"), folder + name, auth));
        }
      }
    }

    PanelSpec request(JsonNode req, String title, JsonNode inheritedAuth) {
      if (req.isTextual()) {
        var spec =
            new LiteralSecrets(envPrefix, notices)
                .scrub(HttpRequestSpec.get(convert(req.asText())), title);
        return PanelSpec.http(ids.next(title), title, spec);
      }
      String method = req.path("method").asText("GET").toUpperCase(Locale.ROOT);
      String url = url(req.path("url"));
      var headers = new LinkedHashMap<String, String>();
      for (JsonNode h : req.path("header")) {
        if (h.path("disabled").asBoolean(false)) {
          continue;
        }
        headers.put(h.path("key").asText(), convert(h.path("value").asText("")));
      }
      var query = new LinkedHashMap<String, String>();
      JsonNode authNode = req.has("auth") ? req.path("auth") : inheritedAuth;
      AuthSpec auth = auth(authNode, headers, query, title);
      if (!query.isEmpty()) {
        StringBuilder u = new StringBuilder(url);
        query.forEach(
            (k, v) -> u.append(u.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        url = u.toString();
      }
      String authorization = null;
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase("Authorization")) {
          authorization = e.getValue();
        }
      }
      if (authorization != null && !Variables.hasReference(authorization)) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization"));
        headers.put(
            "Authorization", secretRef("AUTHORIZATION", "the Authorization header of " + title));
      }
      BodySpec body = body(req.path("body"), headers, title);
      var spec =
          new LiteralSecrets(envPrefix, notices)
              .scrub(
                  new HttpRequestSpec(
                      method, url, null, headers, body, auth, null, null, null, null, null),
                  title);
      return PanelSpec.http(ids.next(title), title, spec);
    }

    String url(JsonNode url) {
      if (url.isTextual()) {
        return convert(url.asText());
      }
      if (url.has("raw")) {
        return convert(url.path("raw").asText());
      }
      var sb = new StringBuilder();
      if (url.has("protocol")) {
        sb.append(url.path("protocol").asText()).append("://");
      }
      sb.append(join(url.path("host"), "."));
      if (url.has("port")) {
        sb.append(':').append(url.path("port").asText());
      }
      if (url.has("path")) {
        sb.append('/').append(join(url.path("path"), "/"));
      }
      char sep = '?';
      for (JsonNode q : url.path("query")) {
        if (!q.path("disabled").asBoolean(false)) {
          sb.append(sep)
              .append(q.path("key").asText())
              .append('=')
              .append(q.path("value").asText(""));
          sep = '&';
        }
      }
      return convert(sb.toString());
    }

    private static String join(JsonNode node, String sep) {
      if (node.isTextual()) {
        return node.asText();
      }
      var parts = new ArrayList<String>();
      node.forEach(n -> parts.add(n.isTextual() ? n.asText() : n.path("value").asText()));
      return String.join(sep, parts);
    }

    @Nullable AuthSpec auth(
        @Nullable JsonNode auth,
        Map<String, String> headers,
        Map<String, String> query,
        String title) {
      if (auth == null || auth.isMissingNode() || auth.isNull()) {
        return null;
      }
      String type = auth.path("type").asText("noauth");
      Map<String, String> params = params(auth.path(type));
      switch (type) {
        case "noauth" -> {
          return null;
        }
        case "bearer" -> {
          return AuthSpec.bearer(
              keep(params.get("token"), "TOKEN", "the bearer token of " + title));
        }
        case "basic" -> {
          return AuthSpec.basic(
              convert(params.getOrDefault("username", "")),
              keep(params.get("password"), "PASSWORD", "the basic-auth password of " + title));
        }
        case "apikey" -> {
          String key = params.getOrDefault("key", "X-Api-Key");
          String value = keep(params.get("value"), "API_KEY", "the API key of " + title);
          if ("query".equals(params.get("in"))) {
            query.put(key, value);
          } else {
            headers.put(key, value);
          }
          return null;
        }
        default -> {
          notices.add(title + ": " + type + " authentication is not supported and was left out");
          return null;
        }
      }
    }

    private static Map<String, String> params(JsonNode node) {
      var out = new LinkedHashMap<String, String>();
      if (node.isArray()) {
        node.forEach(p -> out.put(p.path("key").asText(), p.path("value").asText("")));
      } else if (node.isObject()) {
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText("")));
      }
      return out;
    }

    /** A {{variable}} stays a reference; a literal secret becomes ${env:…} and is dropped. */
    private String keep(@Nullable String value, String suffix, String what) {
      if (value == null || value.isEmpty()) {
        return secretRef(suffix, what);
      }
      String converted = convert(value);
      return Variables.hasReference(converted) ? converted : secretRef(suffix, what);
    }

    private String secretRef(String suffix, String what) {
      String env = envPrefix + "_" + suffix;
      String notice = "set the environment variable " + env + " to " + what + " (not copied)";
      if (!notices.contains(notice)) {
        notices.add(notice);
      }
      return "${env:" + env + "}";
    }

    @Nullable BodySpec body(JsonNode body, Map<String, String> headers, String title) {
      if (body.isMissingNode() || body.isNull() || body.path("disabled").asBoolean(false)) {
        return null;
      }
      String mode = body.path("mode").asText("");
      @Nullable String contentType = null;
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = e.getValue();
        }
      }
      switch (mode) {
        case "raw" -> {
          String raw = body.path("raw").asText("");
          if (raw.isEmpty()) {
            return null;
          }
          if (contentType == null) {
            String lang = body.path("options").path("raw").path("language").asText("text");
            contentType =
                switch (lang) {
                  case "json" -> "application/json";
                  case "xml" -> "application/xml";
                  case "html" -> "text/html";
                  case "javascript" -> "application/javascript";
                  default -> "text/plain; charset=utf-8";
                };
          }
          headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
          return BodySpec.text(contentType, convert(raw));
        }
        case "urlencoded", "formdata" -> {
          var form = new LinkedHashMap<String, String>();
          for (JsonNode f : body.path(mode)) {
            if (f.path("disabled").asBoolean(false)) {
              continue;
            }
            if ("file".equals(f.path("type").asText())) {
              notices.add(title + ": file field '" + f.path("key").asText() + "' was left out");
              continue;
            }
            form.put(f.path("key").asText(), convert(f.path("value").asText("")));
          }
          if (mode.equals("formdata")) {
            notices.add(title + ": form-data is sent URL-encoded, not as multipart/form-data");
          }
          headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
          return form.isEmpty() ? null : BodySpec.form(form);
        }
        case "graphql" -> {
          ObjectNode gql = JsonNodeFactory.instance.objectNode();
          gql.put("query", body.path("graphql").path("query").asText(""));
          String vars = body.path("graphql").path("variables").asText("");
          if (!vars.isBlank()) {
            try {
              gql.set("variables", JSON.readTree(vars));
            } catch (JsonProcessingException e) {
              notices.add(title + ": GraphQL variables are not valid JSON and were left out");
            }
          }
          headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
          return BodySpec.text("application/json", convert(gql.toString()));
        }
        case "" -> {
          return null;
        }
        default -> {
          notices.add(title + ": a '" + mode + "' body is not supported and was left out");
          return null;
        }
      }
    }

    String convert(String text) {
      return HttpFileImporter.convert(text, notices, 0);
    }
  }
}
