package dev.fetchboard.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.Variables;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the literal secrets of an imported request by {@code ${env:PREFIX_NAME}} references:
 * credentials in the URL, auth, secret-looking headers, query parameters, form fields and JSON body
 * fields. Each replacement adds a notice naming the variable to set, never the value.
 */
final class LiteralSecrets {
  private static final Pattern USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)@");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix;
  private final List<String> notices;

  /**
   * @param prefix the start of every variable name, e.g. {@code LOCALHOST} or {@code SHOP_API}
   * @param notices where the notices go
   */
  LiteralSecrets(String prefix, List<String> notices) {
    this.prefix = prefix;
    this.notices = notices;
  }

  /** A reference to {@code PREFIX_SUFFIX}, with a notice saying what to put in it. */
  String reference(String suffix, String what) {
    String env = prefix + "_" + PanelIds.envName(suffix);
    String notice =
        "set the environment variable " + env + " to " + what + " (the value was not saved)";
    if (!notices.contains(notice)) {
      notices.add(notice);
    }
    return "${env:" + env + "}";
  }

  /** The request with no literal secret left; {@code what} names it in notices. */
  HttpRequestSpec scrub(HttpRequestSpec h, String what) {
    String url = h.url() == null ? "" : h.url();
    AuthSpec auth = h.auth();
    Matcher m = USERINFO.matcher(url);
    if (m.find()) {
      String info = m.group(2);
      url = m.group(1) + url.substring(m.end());
      int colon = info.indexOf(':');
      String user = decode(colon < 0 ? info : info.substring(0, colon));
      String password = colon < 0 ? "" : decode(info.substring(colon + 1));
      if (auth == null) {
        auth =
            AuthSpec.basic(
                user,
                Variables.hasReference(password)
                    ? password
                    : reference("PASSWORD", "the password of " + user + " for " + what));
      } else {
        notices.add(
            "the user and password in the URL of "
                + what
                + " were left out: it has its own authentication");
      }
    }
    if (auth != null && auth.basic() != null && literal(auth.basic().password())) {
      auth =
          AuthSpec.basic(
              auth.basic().user(), reference("PASSWORD", "the basic-auth password of " + what));
    } else if (auth != null && literal(auth.bearer())) {
      auth = AuthSpec.bearer(reference("TOKEN", "the bearer token of " + what));
    }
    var headers = new LinkedHashMap<String, String>();
    for (var e : h.headers().entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (!literal(value) || !Secrets.looksSecret(name)) {
        headers.put(name, value);
      } else if (name.equalsIgnoreCase("Authorization")
          && auth == null
          && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        auth = AuthSpec.bearer(reference("TOKEN", "the bearer token of " + what));
      } else if (name.equalsIgnoreCase("Authorization")
          && auth == null
          && basicUser(value) != null) {
        auth =
            AuthSpec.basic(
                basicUser(value), reference("PASSWORD", "the basic-auth password of " + what));
      } else {
        headers.put(name, reference(name, "the " + name + " header of " + what));
      }
    }
    var query = new LinkedHashMap<String, String>();
    h.query()
        .forEach(
            (k, v) ->
                query.put(
                    k,
                    literal(v) && Secrets.looksSecret(k)
                        ? reference(k, "the query parameter " + k + " of " + what)
                        : v));
    url = queryString(url, what);
    return new HttpRequestSpec(
        h.method(),
        url,
        query,
        headers,
        body(h.body(), what),
        auth,
        h.timeout(),
        h.followRedirects(),
        h.retries(),
        h.maxBytes(),
        h.insecure());
  }

  /** An environment variable's value with the password of a URL in it made a reference. */
  @Nullable String environmentValue(String key, @Nullable String value) {
    if (value == null) {
      return null;
    }
    Matcher m = USERINFO.matcher(value);
    if (m.find() && m.group(2).indexOf(':') >= 0) {
      String info = m.group(2);
      String password = info.substring(info.indexOf(':') + 1);
      if (literal(password)) {
        return m.group(1)
            + info.substring(0, info.indexOf(':') + 1)
            + reference(key + "_PASSWORD", "the password in the URL of the variable " + key)
            + "@"
            + value.substring(m.end());
      }
    }
    return value;
  }

  private String queryString(String url, String what) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    String rest = hash < 0 ? "" : url.substring(hash);
    return url.substring(0, q + 1) + pairs(query, "the query parameter %s of " + what) + rest;
  }

  /** {@code a=1&token=x} with the values of secret-looking names made references. */
  private String pairs(String text, String whatFormat) {
    var out = new java.util.ArrayList<String>();
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : decode(pair.substring(0, eq));
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (eq >= 0 && literal(value) && Secrets.looksSecret(name)) {
        out.add(pair.substring(0, eq + 1) + reference(name, whatFormat.formatted(name)));
      } else {
        out.add(pair);
      }
    }
    return String.join("&", out);
  }

  private @Nullable BodySpec body(@Nullable BodySpec b, String what) {
    if (b == null) {
      return null;
    }
    if (b.form() != null) {
      var form = new LinkedHashMap<String, String>();
      b.form()
          .forEach(
              (k, v) ->
                  form.put(
                      k,
                      literal(v) && Secrets.looksSecret(k)
                          ? reference(k, "the form field " + k + " of " + what)
                          : v));
      return new BodySpec(b.contentType(), b.text(), b.json(), form);
    }
    String type = b.contentType() == null ? "" : b.contentType().toLowerCase(Locale.ROOT);
    if (b.text() != null && type.startsWith("application/x-www-form-urlencoded")) {
      return new BodySpec(
          b.contentType(), pairs(b.text(), "the form field %s of " + what), b.json(), b.form());
    }
    if (b.text() != null && type.contains("json")) {
      try {
        JsonNode tree = JSON.readTree(b.text());
        if (tree != null && json(tree, what)) {
          return new BodySpec(
              b.contentType(),
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
              b.json(),
              b.form());
        }
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        // Not JSON as written (e.g. an unquoted ${variable}): left as it is.
      }
    }
    if (b.json() != null) {
      JsonNode copy = b.json().deepCopy();
      if (json(copy, what)) {
        return new BodySpec(b.contentType(), b.text(), copy, b.form());
      }
    }
    return b;
  }

  /** Replaces secret-looking string fields in place; true when any was replaced. */
  private boolean json(JsonNode node, String what) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      for (String name : iterable(object.fieldNames())) {
        JsonNode v = object.get(name);
        if (v.isTextual() && literal(v.asText()) && Secrets.looksSecret(name)) {
          object.set(
              name, TextNode.valueOf(reference(name, "the body field " + name + " of " + what)));
          changed = true;
        } else {
          changed |= json(v, what);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        changed |= json(v, what);
      }
    }
    return changed;
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    var out = new java.util.ArrayList<String>();
    names.forEachRemaining(out::add);
    return out;
  }

  private static @Nullable String basicUser(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 ? decoded.substring(0, colon) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean literal(String value) {
    return value != null && !value.isEmpty() && !Variables.hasReference(value);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
