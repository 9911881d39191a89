package dev.fetchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.Fetchboard;
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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a {@link HttpRequest} from a resolved request spec. */
final class RequestBuilder {
  private RequestBuilder() {}

  static HttpRequest build(HttpRequestSpec spec, ObjectMapper json) throws RunFailure {
    URI uri = uri(spec);
    var b = HttpRequest.newBuilder(uri).timeout(spec.timeoutOrDefault());
    // HTTP/2 over TLS (ALPN, falling back to 1.1); plain http stays 1.1 to avoid h2c upgrades.
    b.version(
        uri.getScheme().equalsIgnoreCase("https")
            ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1);
    boolean hasContentType = false;
    boolean hasEncoding = false;
    boolean hasAgent = false;
    for (var h : spec.headers().entrySet()) {
      String name = h.getKey().trim();
      String lower = name.toLowerCase(Locale.ROOT);
      hasContentType |= lower.equals("content-type");
      hasEncoding |= lower.equals("accept-encoding");
      hasAgent |= lower.equals("user-agent");
      try {
        b.header(name, h.getValue() == null ? "" : h.getValue());
      } catch (IllegalArgumentException e) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "header '" + name + "' cannot be sent: " + restrictedReason(lower, e));
      }
    }
    if (!hasEncoding) {
      b.header("Accept-Encoding", "gzip, deflate");
    }
    if (!hasAgent) {
      b.header("User-Agent", "Fetchboard/" + Fetchboard.version());
    }
    auth(spec.auth(), b);
    BodySpec body = spec.body();
    if (body == null) {
      b.method(spec.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      String contentType = body.contentType();
      byte[] bytes;
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
        b.header("Content-Type", contentType);
      }
      b.method(spec.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    return b.build();
  }

  private static String restrictedReason(String lower, IllegalArgumentException e) {
    return switch (lower) {
      case "host", "connection", "content-length", "expect", "upgrade" ->
          "it is set by the HTTP client itself";
      default -> e.getMessage();
    };
  }

  private static void auth(AuthSpec auth, HttpRequest.Builder b) {
    if (auth == null) {
      return;
    }
    if (auth.basic() != null) {
      String pair =
          (auth.basic().user() == null ? "" : auth.basic().user())
              + ":"
              + (auth.basic().password() == null ? "" : auth.basic().password());
      b.setHeader(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (auth.bearer() != null) {
      b.setHeader("Authorization", "Bearer " + auth.bearer().strip());
    }
  }

  static URI uri(HttpRequestSpec spec) throws RunFailure {
    String url = spec.url().strip();
    if (!spec.query().isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + form(spec.query());
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT, "http.url: the URL has no host (" + url + ")");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "http.url: not a valid URL: " + e.getMessage());
    }
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
