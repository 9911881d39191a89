package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes HTTP panels as a JetBrains / VS Code REST Client {@code .http} file. {@code ${name}}
 * becomes {@code {{name}}} and {@code ${env:NAME}} becomes {@code {{$processEnv NAME}}}: secrets
 * stay references.
 */
public final class HttpFileWriter {
  private static final Pattern REF = Pattern.compile("\\$?\\$\\{([^}]*)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpFileWriter() {}

  /**
   * The {@code .http} text: {@code @name = value} lines for {@code variables}, then each HTTP panel
   * after a {@code ### title} separator. SQL panels are skipped.
   */
  public static String write(List<PanelSpec> panels, Map<String, String> variables) {
    var sb = new StringBuilder();
    variables.forEach(
        (k, v) -> sb.append('@').append(k).append(" = ").append(refs(v)).append('\n'));
    for (PanelSpec p : panels) {
      HttpRequestSpec h = p.http();
      if (h == null) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append("### ").append(p.displayTitle()).append('\n');
      sb.append("# @name ").append(p.id()).append('\n');
      String url = h.url() == null ? "" : h.url();
      if (!h.query().isEmpty()) {
        url +=
            (url.contains("?") ? "&" : "?")
                + h.query().entrySet().stream()
                    .map(
                        e ->
                            URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                + "="
                                + e.getValue())
                    .collect(Collectors.joining("&"));
      }
      sb.append(h.method()).append(' ').append(refs(url)).append('\n');
      h.headers().forEach((k, v) -> sb.append(k).append(": ").append(refs(v)).append('\n'));
      if (h.auth() != null && h.auth().bearer() != null) {
        sb.append("Authorization: Bearer ").append(refs(h.auth().bearer())).append('\n');
      } else if (h.auth() != null && h.auth().basic() != null) {
        sb.append("Authorization: Basic ")
            .append(refs(h.auth().basic().user()))
            .append(' ')
            .append(refs(h.auth().basic().password()))
            .append('\n');
      }
      BodySpec b = h.body();
      if (b != null) {
        String text;
        String type;
        if (b.json() != null) {
          try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(b.json());
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
          type = b.contentType() == null ? "application/json" : b.contentType();
        } else if (b.form() != null) {
          text =
              b.form().entrySet().stream()
                  .map(
                      e ->
                          e.getKey()
                              + "="
                              + URLEncoder.encode(
                                  e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                  .collect(Collectors.joining("&"));
          type = "application/x-www-form-urlencoded";
        } else {
          text = b.text() == null ? "" : b.text();
          type = b.contentType();
        }
        if (type != null
            && h.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
          sb.append("Content-Type: ").append(type).append('\n');
        }
        sb.append('\n').append(refs(text)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String refs(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = REF.matcher(text);
    var sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      String r;
      if (m.group().startsWith("$$")) {
        r = m.group().substring(1);
      } else if (name.startsWith("env:")) {
        r = "{{$processEnv " + name.substring(4).trim() + "}}";
      } else {
        r = "{{" + name + "}}";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
