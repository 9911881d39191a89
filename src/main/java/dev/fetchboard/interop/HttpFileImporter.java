package dev.fetchboard.interop;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Variables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads JetBrains / VS Code REST Client {@code .http} files: requests separated by {@code ###},
 * file variables ({@code @name = value}) and {@code {{name}}} references.
 */
public final class HttpFileImporter {
  /** The environment that file variables ({@code @name = value}) go into. */
  public static final String ENVIRONMENT = "http-file";

  private static final Pattern REQUEST_LINE =
      Pattern.compile("^(?:([!#$%&'*+.^_`|~0-9A-Z-]+)\\s+)?(\\S+)(?:\\s+HTTP/[0-9.]+)?\\s*$");
  private static final Pattern FILE_VARIABLE = Pattern.compile("^@([A-Za-z0-9_.-]+)\\s*=\\s*(.*)$");
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern HEADER =
      Pattern.compile("^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\\s*:\\s*(.*)$");

  private HttpFileImporter() {}

  /**
   * Every request in the file, one panel each.
   *
   * @throws ImportException naming the line of a block that has no request line
   */
  public static ImportResult parse(String text) throws ImportException {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    var notices = new ArrayList<String>();
    var variables = new LinkedHashMap<String, String>();
    var panels = new ArrayList<PanelSpec>();
    var ids = new PanelIds(List.of());
    int i = 0;
    @Nullable String separatorTitle = null;
    while (i < lines.length) {
      // One block: from here to the next ### line.
      int start = i;
      int end = i;
      while (end < lines.length && !lines[end].startsWith("###")) {
        end++;
      }
      PanelSpec panel = block(lines, start, end, separatorTitle, variables, notices, ids);
      if (panel != null) {
        panels.add(panel);
      }
      if (end < lines.length) {
        String title = lines[end].substring(3).strip();
        separatorTitle = title.isEmpty() ? null : title;
      }
      i = end + 1;
    }
    if (panels.isEmpty()) {
      throw new ImportException("the .http file holds no request (a line such as GET https://…)");
    }
    var environments = new LinkedHashMap<String, Map<String, String>>();
    if (!variables.isEmpty()) {
      environments.put(ENVIRONMENT, variables);
    }
    return new ImportResult(panels, environments, notices);
  }

  private static @Nullable PanelSpec block(
      String[] lines,
      int start,
      int end,
      @Nullable String title,
      Map<String, String> variables,
      List<String> notices,
      PanelIds ids)
      throws ImportException {
    int i = start;
    String name = null;
    // Comments, file variables and blank lines before the request line.
    for (; i < end; i++) {
      String l = lines[i].strip();
      Matcher v = FILE_VARIABLE.matcher(l);
      if (l.isEmpty()) {
        continue;
      } else if (v.matches() && HttpFileWriter.RESERVED.containsKey(v.group(1))) {
        continue; // the writer's escapes, understood in convert()
      } else if (v.matches()) {
        String key = v.group(1);
        if (Secrets.looksSecret(key)) {
          notices.add(
              "set the environment variable "
                  + Secrets.envName(key, "HTTP")
                  + " (the value of @"
                  + key
                  + " in the file was not saved)");
          variables.put(key, Secrets.reference(key, "HTTP"));
        } else {
          String value = convert(v.group(2).strip(), notices, i + 1);
          variables.put(key, new LiteralSecrets("API", notices).environmentValue(key, value));
        }
      } else if (l.startsWith("#") || l.startsWith("//")) {
        Matcher n = Pattern.compile("^(?:#|//)\\s*@name\\s+(.+)$").matcher(l);
        if (n.matches()) {
          name = n.group(1).strip();
        }
      } else {
        break;
      }
    }
    if (i >= end) {
      return null; // only comments or variables
    }
    Matcher m = REQUEST_LINE.matcher(lines[i].strip());
    if (!m.matches() || !looksLikeUrl(m.group(2))) {
      throw new ImportException(
          "expected a request line such as 'GET https://api.example.com/items', found '"
              + lines[i].strip()
              + "'",
          i + 1,
          1);
    }
    String method = m.group(1) == null ? "GET" : m.group(1);
    int requestLine = i;
    var url = new StringBuilder(convert(m.group(2), notices, i + 1));
    i++;
    // JetBrains allows the query to continue on indented lines starting with ? or &.
    // Each is one word, as the URL on the request line is: a {{$processEnv X}} (which holds a
    // space) is no more a live reference here than it is there.
    while (i < end && (lines[i].strip().startsWith("?") || lines[i].strip().startsWith("&"))) {
      String part = lines[i].strip();
      if (part.chars().anyMatch(Character::isWhitespace)) {
        throw new ImportException(
            "a query line continues the URL and cannot contain spaces, found '" + part + "'",
            i + 1,
            lines[i].indexOf(part.charAt(0)) + 1);
      }
      url.append(convert(part, notices, i + 1));
      i++;
    }
    var headers = new LinkedHashMap<String, String>();
    for (; i < end && !lines[i].isBlank(); i++) {
      String l = lines[i].strip();
      if (l.startsWith("#") || l.startsWith("//")) {
        continue;
      }
      Matcher h = HEADER.matcher(l);
      if (!h.matches()) {
        throw new ImportException("expected a header 'Name: value', found '" + l + "'", i + 1, 1);
      }
      headers.put(h.group(1), convert(h.group(2).strip(), notices, i + 1));
    }
    var body = new ArrayList<String>();
    for (; i < end; i++) {
      String l = lines[i];
      if (l.startsWith("> ") || l.startsWith(">>") || l.startsWith("<>")) {
        notices.add(
            "line "
                + (i + 1)
                + ": response handlers and output redirects ('"
                + l.strip()
                + "') are not supported and were left out");
        continue;
      }
      body.add(l);
    }
    while (!body.isEmpty() && body.getFirst().isBlank()) {
      body.removeFirst();
    }
    while (!body.isEmpty() && body.getLast().isBlank()) {
      body.removeLast();
    }
    BodySpec bodySpec = null;
    if (!body.isEmpty()) {
      String text = String.join("\n", body);
      if (text.startsWith("< ")) {
        notices.add(
            "a body read from a file ('"
                + text.lines().findFirst().orElse("")
                + "') is not supported");
      } else {
        String contentType = null;
        for (var e : headers.entrySet()) {
          if (e.getKey().equalsIgnoreCase("Content-Type")) {
            contentType = e.getValue();
          }
        }
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
        bodySpec =
            BodySpec.text(
                contentType == null ? "text/plain; charset=utf-8" : contentType,
                convert(text, notices, 0));
      }
    }
    AuthSpec auth = null;
    String authorization = null;
    for (var e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("Authorization")) {
        authorization = e.getValue();
      }
    }
    if (authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && Variables.hasReference(authorization.substring(7))) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization"));
      auth = AuthSpec.bearer(authorization.substring(7).strip());
    }
    HttpRequestSpec spec =
        new HttpRequestSpec(
            method, url.toString(), null, headers, bodySpec, auth, null, null, null, null, null);
    // Secrets are named after the host, with the file's variables filled in to find it.
    String host = Secrets.hostPrefix(fill(url.toString(), variables));
    spec =
        new LiteralSecrets(host, notices).scrub(spec, "the request on line " + (requestLine + 1));
    String panelTitle = title != null ? title : name != null ? name : method + " " + path(url);
    return PanelSpec.http(ids.next(name != null ? name : panelTitle), panelTitle, spec);
  }

  private static String fill(String url, Map<String, String> variables) {
    Matcher m = Pattern.compile("\\$\\{([^}]*)}").matcher(url);
    return m.lookingAt() && variables.containsKey(m.group(1))
        ? variables.get(m.group(1)) + url.substring(m.end())
        : url;
  }

  private static boolean looksLikeUrl(String s) {
    return s.contains("://") || s.startsWith("{{") || s.startsWith("/");
  }

  private static String path(CharSequence url) {
    String u = url.toString().replaceAll("\\$\\{[^}]*}", "");
    int scheme = u.indexOf("://");
    int slash = u.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    String p = slash < 0 ? "/" : u.substring(slash);
    int q = p.indexOf('?');
    return q < 0 ? p : p.substring(0, q);
  }

  /** {@code {{name}}} → {@code ${name}}; {@code {{$processEnv X}}} → {@code ${env:X}}. */
  static String convert(String text, List<String> notices, int line) {
    // A literal ${ in the file must stay literal in the workspace.
    String escaped = text.replaceAll("\\$(\\{[^}]*})", "\\$\\$$1");
    Matcher m = REFERENCE.matcher(escaped);
    var sb = new StringBuilder();
    while (m.find()) {
      String inner = m.group(1);
      String replacement;
      if (HttpFileWriter.RESERVED.containsKey(inner)) {
        replacement = HttpFileWriter.RESERVED.get(inner);
      } else if (inner.startsWith("$processEnv ") || inner.startsWith("$dotenv ")) {
        String name = inner.substring(inner.indexOf(' ') + 1).strip().replaceFirst("^%", "");
        replacement = "${env:" + name + "}";
      } else if (inner.startsWith("$")) {
        notices.add(
            (line > 0 ? "line " + line + ": " : "")
                + "dynamic variable {{"
                + inner
                + "}} is not supported and was kept as text");
        replacement = m.group();
      } else {
        replacement = "${" + inner + "}";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
