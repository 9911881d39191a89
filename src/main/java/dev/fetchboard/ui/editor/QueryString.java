package dev.fetchboard.ui.editor;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a URL as typed into the part before {@code ?} and its parameters, and joins them again, so
 * the URL field and the query table can show the same request. Values are decoded for the table and
 * encoded for the URL; {@code ${variable}} references stay as written in both.
 */
final class QueryString {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  private QueryString() {}

  /** One parameter, decoded. */
  record Param(String name, String value) {}

  /** The URL without its query string (a fragment, if any, stays with it). */
  static String base(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    return url.substring(0, q) + (hash < 0 ? "" : url.substring(hash));
  }

  /**
   * The URL to store: without its query string and without a fragment, which a client never sends
   * (and which would swallow the parameters appended after it).
   */
  static String requestBase(String url) {
    String base = base(url);
    int hash = base.indexOf('#');
    return hash < 0 ? base : base.substring(0, hash);
  }

  /** The parameters in the URL's query string, in order, decoded. */
  static List<Param> params(String url) {
    int q = url.indexOf('?');
    var out = new ArrayList<Param>();
    if (q < 0) {
      return out;
    }
    int hash = url.indexOf('#', q);
    String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new Param(decode(name), decode(value)));
    }
    return out;
  }

  /** The base URL with {@code params} as its query string (none: no {@code ?}). */
  static String join(String base, List<Param> params) {
    int hash = base.indexOf('#');
    String path = hash < 0 ? base : base.substring(0, hash);
    String fragment = hash < 0 ? "" : base.substring(hash);
    var sb = new StringBuilder(path);
    char sep = '?';
    for (Param p : params) {
      if (p.name().isEmpty() && p.value().isEmpty()) {
        continue;
      }
      sb.append(sep).append(encode(p.name()));
      if (!p.value().isEmpty()) {
        sb.append('=').append(encode(p.value()));
      }
      sep = '&';
    }
    return sb.append(fragment).toString();
  }

  /**
   * Encodes as the request will send it (a space as {@code %20}), but leaves {@code ${…}}
   * references readable.
   */
  static String encode(String text) {
    var sb = new StringBuilder();
    Matcher m = REFERENCE.matcher(text);
    int at = 0;
    while (m.find()) {
      sb.append(component(text.substring(at, m.start())));
      sb.append(m.group());
      at = m.end();
    }
    sb.append(component(text.substring(at)));
    return sb.toString();
  }

  private static String component(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Decodes {@code %xx} and {@code +}; text that is not valid encoding is kept as typed. */
  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
