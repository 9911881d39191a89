package dev.fetchboard.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Variables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes HTTP panels as a JetBrains / VS Code REST Client {@code .http} file. {@code ${name}}
 * becomes {@code {{name}}} and {@code ${env:NAME}} becomes {@code {{$processEnv NAME}}}: secrets
 * stay references, and literal secrets are written as references too. Text that the format would
 * read as syntax ({@code {{…}}}, a body line starting with {@code ###}, {@code <} or {@code >}, a
 * line break in a title, URL or header) is escaped or neutralised, never written live.
 */
public final class HttpFileWriter {
  /**
   * The file variables the writer defines to escape syntax, and what they stand for: a literal
   * {@code {{}, a {@code {} just before a reference, and nothing (put in front of a body line that
   * would otherwise read as syntax).
   */
  static final Map<String, String> RESERVED =
      Map.of("fetchboard_lbrace", "{{", "fetchboard_brace", "{", "fetchboard_nothing", "");

  private static final Pattern REF = Pattern.compile("\\$?\\$\\{([^}]*)}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpFileWriter() {}

  /**
   * The {@code .http} text: {@code @name = value} lines for {@code variables}, then each HTTP panel
   * after a {@code ### title} separator. SQL panels are skipped.
   */
  public static String write(List<PanelSpec> panels, Map<String, String> variables) {
    var sb = new StringBuilder();
    // {{$processEnv X}} holds a space, which a request line cannot: URLs name it through a file
    // variable instead.
    var urlEnv = new java.util.TreeSet<String>();
    variables.forEach((k, v) -> variable(sb, k, v));
    for (PanelSpec p : panels) {
      if (!(p.source() instanceof HttpRequestSpec http)) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append("### ").append(oneLine(p.displayTitle())).append('\n');
      sb.append("# @name ").append(oneLine(p.id())).append('\n');
      var notes = new ArrayList<String>();
      HttpRequestSpec h =
          new LiteralSecrets(Secrets.hostPrefix(http.url()), notes).scrub(http, "panel " + p.id());
      notes.forEach(n -> sb.append("# ").append(oneLine(n)).append('\n'));
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
      sb.append(h.method().replaceAll("\\s", "")).append(' ').append(url(url, urlEnv)).append('\n');
      h.headers().forEach((k, v) -> header(sb, k, v));
      if (h.auth() != null && h.auth().bearer() != null) {
        header(sb, "Authorization", "Bearer " + h.auth().bearer());
      } else if (h.auth() != null && h.auth().basic() != null) {
        header(
            sb,
            "Authorization",
            "Basic " + nz(h.auth().basic().user()) + " " + nz(h.auth().basic().password()));
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
                              + URLEncoder.encode(nz(e.getValue()), StandardCharsets.UTF_8))
                  .collect(Collectors.joining("&"));
          type = "application/x-www-form-urlencoded";
        } else {
          text = nz(b.text());
          type = b.contentType();
        }
        if (type != null
            && h.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
          header(sb, "Content-Type", type);
        }
        sb.append('\n').append(body(text)).append('\n');
      }
    }
    if (!urlEnv.isEmpty()) {
      var head = new StringBuilder();
      urlEnv.forEach(
          n -> head.append("@env_").append(n).append(" = {{$processEnv ").append(n).append("}}\n"));
      sb.insert(0, head);
    }
    if (sb.indexOf("{{fetchboard_") >= 0) {
      var head =
          new StringBuilder("# Escapes written by Fetchboard (a literal {{, and nothing):\n");
      RESERVED.keySet().stream()
          .sorted()
          .forEach(
              k -> head.append('@').append(k).append(" = ").append(RESERVED.get(k)).append('\n'));
      sb.insert(0, head);
    }
    return sb.toString();
  }

  private static void variable(StringBuilder sb, String key, String value) {
    if (key == null || !VARIABLE_NAME.matcher(key).matches() || RESERVED.containsKey(key)) {
      sb.append("# a variable whose name a .http file cannot hold was left out\n");
      return;
    }
    String v = nz(value);
    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      sb.append("# @").append(key).append(" spans several lines and was left out\n");
      return;
    }
    if (Secrets.looksSecret(key) && !v.isEmpty() && !Variables.hasReference(v)) {
      String env = Secrets.envName(key, "HTTP");
      sb.append("# @")
          .append(key)
          .append(": set the environment variable ")
          .append(env)
          .append(" (the workspace value was not written)\n");
      sb.append('@').append(key).append(" = {{$processEnv ").append(env).append("}}\n");
      return;
    }
    sb.append('@').append(key).append(" = ").append(refs(v.strip())).append('\n');
  }

  private static void header(StringBuilder sb, String name, String value) {
    if (name == null || !TOKEN.matcher(name).matches()) {
      sb.append("# a header whose name is not a valid header name was left out\n");
      return;
    }
    // A tab is allowed in a header value; other control characters would break the line.
    String v = nz(value).replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029&&[^\\t]]", " ");
    sb.append(name).append(": ").append(refs(v.strip())).append('\n');
  }

  /** The URL as one word: whitespace and control characters percent-encoded. */
  private static String url(String url, java.util.Set<String> urlEnv) {
    Matcher env = Pattern.compile("(?<!\\$)\\$\\{\\s*env:\\s*([A-Za-z0-9_.-]+)\\s*}").matcher(url);
    var named = new StringBuilder();
    while (env.find()) {
      urlEnv.add(env.group(1));
      env.appendReplacement(named, Matcher.quoteReplacement("${env_" + env.group(1) + "}"));
    }
    env.appendTail(named);
    url = named.toString();
    var sb = new StringBuilder();
    url.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || Character.isISOControl(c) || c == 0x85) {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                  sb.append('%').append(String.format("%02X", b & 0xff));
                }
              } else {
                sb.appendCodePoint(c);
              }
            });
    return refs(sb.toString());
  }

  /** Body lines that the format reads as syntax get an empty variable in front. */
  private static String body(String text) {
    var lines = new ArrayList<String>();
    boolean first = true;
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      String l = refs(line);
      String stripped = l.stripLeading();
      if (l.startsWith("#")
          || l.startsWith("//")
          || l.startsWith(">")
          || l.startsWith("<")
          || (first && stripped.startsWith("<"))
          || stripped.startsWith("###")) {
        l = "{{fetchboard_nothing}}" + l;
      }
      lines.add(l);
      first = false;
    }
    return String.join("\n", lines);
  }

  private static String oneLine(String s) {
    return nz(s).replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Workspace references as .http ones; a literal {{ escaped so it is never read as one. */
  private static String refs(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = REF.matcher(text);
    var sb = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String name = m.group(1).trim();
      String r;
      if (m.group().startsWith("$$")) {
        sb.append(literal(text.substring(last, m.start()), false));
        sb.append(literal(m.group().substring(1), false));
      } else {
        // A literal '{' right before {{name}} would read as part of it.
        sb.append(literal(text.substring(last, m.start()), true));
        r = name.startsWith("env:") ? "$processEnv " + name.substring(4).trim() : name;
        sb.append("{{").append(r).append("}}");
      }
      last = m.end();
    }
    sb.append(literal(text.substring(last), false));
    return sb.toString();
  }

  private static String literal(String text, boolean beforeReference) {
    String s = text.replace("{{", "{{fetchboard_lbrace}}");
    if (beforeReference && s.endsWith("{")) {
      s = s.substring(0, s.length() - 1) + "{{fetchboard_brace}}";
    }
    return s;
  }
}
