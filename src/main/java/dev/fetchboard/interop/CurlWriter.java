package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Copy as cURL": an HTTP panel as a copy-pasteable command. Every argument is single-quoted where
 * needed, and variables stay as written ({@code ${env:API_TOKEN}}): nothing is resolved, so no
 * secret ever lands on the clipboard.
 */
public final class CurlWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CurlWriter() {}

  /**
   * The cURL command for an HTTP panel, one option per line joined by backslash-newline.
   *
   * @throws IllegalArgumentException for a panel that is not an HTTP request
   */
  public static String write(PanelSpec panel) {
    HttpRequestSpec h = panel.http();
    if (h == null) {
      throw new IllegalArgumentException(
          "panel '" + panel.id() + "' runs SQL; only HTTP panels can be copied as cURL");
    }
    var sb = new StringBuilder("curl");
    if (!h.method().equals("GET")) {
      sb.append(" -X ").append(h.method());
    }
    String url = h.url() == null ? "" : h.url();
    if (!h.query().isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + urlencoded(h.query());
    }
    sb.append(' ').append(ShellWords.quote(url));
    h.headers().forEach((k, v) -> line(sb, "-H", k + ": " + (v == null ? "" : v)));
    if (h.auth() != null && h.auth().basic() != null) {
      var b = h.auth().basic();
      line(sb, "-u", nz(b.user()) + ":" + nz(b.password()));
    } else if (h.auth() != null && h.auth().bearer() != null) {
      line(sb, "-H", "Authorization: Bearer " + h.auth().bearer());
    }
    BodySpec body = h.body();
    if (body != null) {
      if (body.json() != null) {
        if (!hasHeader(h, "Content-Type")) {
          line(
              sb,
              "-H",
              "Content-Type: "
                  + (body.contentType() == null ? "application/json" : body.contentType()));
        }
        try {
          line(sb, "--data-raw", JSON.writeValueAsString(body.json()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else if (body.form() != null) {
        body.form().forEach((k, v) -> line(sb, "--data-urlencode", k + "=" + nz(v)));
      } else if (body.text() != null) {
        if (!hasHeader(h, "Content-Type")) {
          line(
              sb,
              "-H",
              "Content-Type: "
                  + (body.contentType() == null
                      ? "text/plain; charset=utf-8"
                      : body.contentType()));
        }
        line(sb, "--data-raw", body.text());
      }
    }
    if (h.followRedirectsOrDefault()) {
      sb.append(" \\\n  -L");
    }
    if (Boolean.TRUE.equals(h.insecure())) {
      sb.append(" \\\n  -k");
    }
    sb.append(" \\\n  --compressed");
    if (h.timeout() != null) {
      sb.append(" \\\n  --max-time ").append(h.timeout().toMillis() / 1000.0);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String option, String value) {
    sb.append(" \\\n  ").append(option).append(' ').append(ShellWords.quote(value));
  }

  private static boolean hasHeader(HttpRequestSpec h, String name) {
    return h.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String urlencoded(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(nz(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
