package dev.fetchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.build.BuildInfo;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link HttpRequest} from a resolved request spec, checking what variables filled in: the
 * method and header names are RFC 9110 tokens, header values hold no CR, LF or NUL, and the URL
 * parses with a port in 1-65535. A bad request fails naming its field, and nothing is sent.
 */
final class RequestBuilder {
  private RequestBuilder() {}

  private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile(":(\\d+)$");
  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final java.util.Set<String> RESTRICTED =
      java.util.Set.of("host", "connection", "content-length", "expect", "upgrade");

  /** The request to send: method, URL, headers in order (defaults added), and body bytes. */
  static OutgoingRequest build(HttpRequestSpec spec, ObjectMapper json) throws RunFailure {
    if (!TOKEN.matcher(spec.method()).matches()) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT,
          "http.method: '"
              + tokenPrefix(spec.method())
              + "' is not an HTTP method (a method is one word of letters, digits and"
              + " !#$%&'*+.^_`|~-); nothing was sent");
    }
    URI uri = uri(spec);
    var headers = new java.util.ArrayList<Map.Entry<String, String>>();
    boolean hasContentType = false;
    boolean hasEncoding = false;
    boolean hasAgent = false;
    for (var h : spec.headers().entrySet()) {
      String name = h.getKey().trim();
      if (!TOKEN.matcher(name).matches()) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "http.headers: the header name starting '"
                + tokenPrefix(name)
                + "' holds a space, line break, NUL or other character a header name cannot"
                + " have once variables are filled in; nothing was sent");
      }
      String value = h.getValue() == null ? "" : h.getValue();
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "http.headers."
                + name
                + ": the value holds a line break or NUL once variables are filled in; nothing"
                + " was sent");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESTRICTED.contains(lower)) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "header '" + name + "' cannot be sent: it is set by the HTTP client itself");
      }
      hasContentType |= lower.equals("content-type");
      hasEncoding |= lower.equals("accept-encoding");
      hasAgent |= lower.equals("user-agent");
      headers.add(Map.entry(name, value));
    }
    if (!hasEncoding) {
      headers.add(Map.entry("Accept-Encoding", "gzip, deflate"));
    }
    if (!hasAgent) {
      headers.add(Map.entry("User-Agent", "Fetchboard/" + BuildInfo.version()));
    }
    String authorization = authorization(spec.auth());
    if (authorization != null) {
      headers.removeIf(e -> e.getKey().equalsIgnoreCase("authorization"));
      headers.add(Map.entry("Authorization", authorization));
    }
    BodySpec body = spec.body();
    byte[] bytes = null;
    if (body != null) {
      String contentType = body.contentType();
      if (body.json() != null) {
        try {
          bytes = json.writeValueAsBytes(body.json());
        } catch (JsonProcessingException e) {
          throw new RunFailure(ErrorKind.INVALID_INPUT, "body.json cannot be written as JSON");
        }
        contentType = contentType == null ? "application/json" : contentType;
      } else if (body.form() != null) {
        bytes = form(body.form()).getBytes(StandardCharsets.UTF_8);
        contentType = contentType == null ? "application/x-www-form-urlencoded" : contentType;
      } else {
        bytes = body.text() == null ? new byte[0] : body.text().getBytes(StandardCharsets.UTF_8);
        contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
      }
      if (!hasContentType) {
        headers.add(Map.entry("Content-Type", contentType));
      }
    }
    return new OutgoingRequest(
        spec.method(), uri, List.copyOf(headers), bytes, spec.timeoutOrDefault());
  }

  /** The same request for {@link java.net.http.HttpClient}. */
  static HttpRequest toJdk(OutgoingRequest r) throws RunFailure {
    var b = HttpRequest.newBuilder(r.uri()).timeout(r.timeout());
    // HTTP/2 over TLS (ALPN, falling back to 1.1); plain http stays 1.1 to avoid h2c upgrades.
    b.version(
        r.uri().getScheme().equalsIgnoreCase("https")
            ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1);
    for (var h : r.headers()) {
      try {
        b.header(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "header '" + h.getKey() + "' cannot be sent: " + e.getMessage());
      }
    }
    b.method(
        r.method(),
        r.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    return b.build();
  }

  private static String authorization(AuthSpec auth) {
    if (auth == null) {
      return null;
    }
    if (auth.basic() != null) {
      String pair =
          (auth.basic().user() == null ? "" : auth.basic().user())
              + ":"
              + (auth.basic().password() == null ? "" : auth.basic().password());
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return auth.bearer() == null ? null : "Bearer " + auth.bearer().strip();
  }

  static URI uri(HttpRequestSpec spec) throws RunFailure {
    String url = spec.url().strip();
    if (!spec.query().isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + form(spec.query());
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT, "http.url: the URL must start with http:// or https://");
      }
      var port = PORT.matcher(uri.getRawAuthority() == null ? "" : uri.getRawAuthority());
      if (uri.getHost() == null && port.find()) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "http.url: port " + port.group(1) + " is out of range (1-65535)");
      }
      if (uri.getHost() == null) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT, "http.url: the URL has no host (" + url + ")");
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "http.url: port " + uri.getPort() + " is out of range (1-65535)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "http.url: not a valid URL: " + e.getMessage());
    }
  }

  /** The leading characters that are fine in a token, so a message never echoes a line break. */
  private static String tokenPrefix(String s) {
    int end = 0;
    while (end < s.length() && end < 40 && TOKEN.matcher(s.substring(end, end + 1)).matches()) {
      end++;
    }
    return end < s.length() ? s.substring(0, end) + "…" : s;
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue() == null ? "" : e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
