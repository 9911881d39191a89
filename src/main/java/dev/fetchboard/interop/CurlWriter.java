package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Copy as cURL": an HTTP panel as a command that is safe to paste into a POSIX shell. Every word
 * the panel supplies (method, URL, headers, body) is quoted, so the shell hands it to curl byte for
 * byte and runs nothing of it; variables stay as written ({@code ${env:API_TOKEN}}): nothing is
 * resolved, so no secret ever lands on the clipboard.
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
    var sb = new StringBuilder("curl");
    boolean first = true;
    for (List<String> group : groups(panel)) {
      sb.append(first ? " " : " \\\n  ");
      first = false;
      sb.append(group.stream().map(ShellWords::quote).collect(Collectors.joining(" ")));
    }
    return sb.toString();
  }

  /**
   * The words after {@code curl}, exactly as the shell hands them to curl when {@link #write}'s
   * text is pasted. NUL characters cannot travel in a command-line argument and are left out.
   */
  public static List<String> arguments(PanelSpec panel) {
    return groups(panel).stream().flatMap(List::stream).toList();
  }

  /** The options, one group per output line; the first group holds the method and the URL. */
  private static List<List<String>> groups(PanelSpec panel) {
    HttpRequestSpec h =
        panel
            .asHttp()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "panel '"
                            + panel.id()
                            + "' runs SQL; only HTTP panels can be copied as cURL"));
    var groups = new ArrayList<List<String>>();
    var head = new ArrayList<String>();
    if (!h.method().equals("GET")) {
      head.add("-X");
      head.add(clean(h.method()));
    }
    String url = h.url() == null ? "" : h.url();
    if (!h.query().isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + urlencoded(h.query());
    }
    url = clean(url);
    if (url.startsWith("-")) {
      head.add("--url"); // else curl would take it for an option
    }
    head.add(url);
    groups.add(head);
    h.headers().forEach((k, v) -> header(groups, k, v));
    if (h.auth() != null && h.auth().basic() != null) {
      var b = h.auth().basic();
      groups.add(List.of("-u", clean(nz(b.user()) + ":" + nz(b.password()))));
    } else if (h.auth() != null && h.auth().bearer() != null) {
      header(groups, "Authorization", "Bearer " + h.auth().bearer());
    }
    BodySpec body = h.body();
    if (body != null) {
      if (body.json() != null) {
        if (!hasHeader(h, "Content-Type")) {
          header(
              groups,
              "Content-Type",
              body.contentType() == null ? "application/json" : body.contentType());
        }
        try {
          groups.add(List.of("--data-raw", clean(JSON.writeValueAsString(body.json()))));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else if (body.form() != null) {
        // curl reads a file for "name@file" or "@file", and splits at the first '=': the name
        // goes encoded (as curl expects it), the value raw (curl encodes it).
        body.form()
            .forEach(
                (k, v) ->
                    groups.add(
                        List.of(
                            "--data-urlencode",
                            clean(
                                URLEncoder.encode(nz(k), StandardCharsets.UTF_8) + "=" + nz(v)))));
      } else if (body.text() != null) {
        if (!hasHeader(h, "Content-Type")) {
          header(
              groups,
              "Content-Type",
              body.contentType() == null ? "text/plain; charset=utf-8" : body.contentType());
        }
        groups.add(List.of("--data-raw", clean(body.text())));
      }
    }
    if (url.matches("(?s).*[\\[\\]{}].*")) {
      groups.add(List.of("-g")); // no URL globbing: ${env:…}, [ and ] are sent as written
    }
    if (h.followRedirectsOrDefault()) {
      groups.add(List.of("-L"));
    }
    if (Boolean.TRUE.equals(h.insecure())) {
      groups.add(List.of("-k"));
    }
    groups.add(List.of("--compressed"));
    if (h.timeout() != null) {
      groups.add(List.of("--max-time", String.valueOf(h.timeout().toMillis() / 1000.0)));
    }
    return groups;
  }

  private static void header(List<List<String>> groups, String name, String value) {
    String n = clean(nz(name));
    if (n.startsWith("@")) {
      return; // "-H @file" reads headers from a file; no valid header name starts with @
    }
    String v = clean(nz(value));
    // "Name:" would remove curl's own header of that name; "Name;" sends it empty.
    groups.add(List.of("-H", v.isEmpty() ? n + ";" : n + ": " + v));
  }

  private static String clean(String s) {
    return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
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
                URLEncoder.encode(nz(e.getKey()), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(nz(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
