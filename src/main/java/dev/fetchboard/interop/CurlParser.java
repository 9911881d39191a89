package dev.fetchboard.interop;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Variables;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a pasted cURL command into an HTTP panel. Options it cannot express are listed in the
 * notices, never silently dropped; secrets (basic-auth passwords, {@code Authorization} values)
 * become {@code ${env:NAME}} references and the notices name the variables to set.
 */
public final class CurlParser {
  // Options whose value is shown in the "left out" notice: nothing secret in them.
  private static final Set<String> TAKES_VALUE_IGNORED =
      Set.of(
          "-o",
          "--output",
          "-w",
          "--write-out",
          "--connect-timeout",
          "-m",
          "--max-time",
          "--retry",
          "--retry-delay",
          "--retry-max-time",
          "--cacert",
          "--capath",
          "-c",
          "--cookie-jar",
          "-T",
          "--upload-file",
          "--resolve",
          "--connect-to",
          "-r",
          "--range",
          "--limit-rate",
          "--max-redirs",
          "--max-filesize",
          "--interface",
          "--dns-servers",
          "--doh-url",
          "--cert-type",
          "--key-type",
          "--ciphers",
          "--tls-max",
          "--keepalive-time",
          "--local-port",
          "--noproxy",
          "--output-dir",
          "--request-target",
          "--unix-socket",
          "--abstract-unix-socket",
          "--speed-limit",
          "--speed-time",
          "-y",
          "-Y",
          "-z",
          "--time-cond",
          "--trace",
          "--trace-ascii",
          "--stderr",
          "-D",
          "--dump-header",
          "-C",
          "--continue-at",
          "--expect100-timeout",
          "--happy-eyeballs-timeout-ms",
          "--crlfile",
          "--pinnedpubkey",
          "--proxy-cacert",
          "--proxy-capath",
          "--proxy-cert-type",
          "--proxy-key-type",
          "--service-name",
          "--netrc-file",
          "--variable",
          "--url-query",
          "-K",
          "--config");
  // Options whose value may hold a secret (a password, a proxy URL with credentials, a key):
  // left out, and the notice names the option only.
  private static final Set<String> TAKES_SECRET_IGNORED =
      Set.of(
          "-E",
          "--cert",
          "--key",
          "--pass",
          "-x",
          "--proxy",
          "--preproxy",
          "--socks4",
          "--socks4a",
          "--socks5",
          "--socks5-hostname",
          "-U",
          "--proxy-user",
          "--proxy-cert",
          "--proxy-key",
          "--proxy-pass",
          "--proxy-header",
          "--proxy-tlsuser",
          "--proxy-tlspassword",
          "--tlsuser",
          "--tlspassword",
          "--aws-sigv4",
          "--delegation",
          "--login-options",
          "--sasl-authzid",
          "--hostpubmd5",
          "--hostpubsha256");
  private static final Set<String> HARMLESS =
      Set.of(
          "-s",
          "--silent",
          "-S",
          "--show-error",
          "-v",
          "--verbose",
          "-i",
          "--include",
          "-f",
          "--fail",
          "--fail-with-body",
          "-#",
          "--progress-bar",
          "--no-progress-meter",
          "-N",
          "--no-buffer",
          "-g",
          "--globoff");

  private CurlParser() {}

  /** True when the text looks like a cURL command (its first word is {@code curl}). */
  public static boolean looks(String text) {
    String t = text.stripLeading();
    if (t.startsWith("$ ")) {
      t = t.substring(2).stripLeading();
    }
    return t.startsWith("curl ")
        || t.startsWith("curl\t")
        || t.startsWith("curl\\")
        || t.equals("curl");
  }

  /**
   * One panel from one cURL command.
   *
   * @throws ImportException when the text is not a cURL command, has an unterminated quote, an
   *     option lacks its value, or there is no URL
   */
  public static ImportResult parse(String text) throws ImportException {
    List<String> words = ShellWords.split(text.strip());
    if (!words.isEmpty() && words.getFirst().equals("$")) {
      words = words.subList(1, words.size());
    }
    if (words.isEmpty() || !words.getFirst().equals("curl")) {
      throw new ImportException("not a cURL command: it should start with 'curl'");
    }
    var notices = new ArrayList<String>();
    String method = null;
    String url = null;
    var headers = new LinkedHashMap<String, String>();
    var data = new ArrayList<String>();
    var form = new LinkedHashMap<String, String>();
    String user = null;
    String bearer = null;
    boolean insecure = false;
    boolean follow = false;
    boolean get = false;
    boolean head = false;
    var args = expandShortFlags(words.subList(1, words.size()));
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String opt = a;
      String attached = null;
      if (a.length() > 2 && a.startsWith("-") && !a.startsWith("--")) {
        opt = a.substring(0, 2);
        attached = a.substring(2);
      }
      switch (opt) {
        case "-X", "--request" -> {
          String v = attached != null ? attached : value(args, i++, a);
          method = v.toUpperCase(Locale.ROOT);
        }
        case "-H", "--header" -> {
          String v = attached != null ? attached : value(args, i++, a);
          int colon = v.indexOf(':');
          if (colon < 0 && v.endsWith(";") && v.length() > 1) {
            headers.put(v.substring(0, v.length() - 1).trim(), ""); // curl's "Name;": empty
          } else if (colon <= 0) {
            // Not echoed: a bare value is often a token.
            notices.add("a -H value without the 'Name: value' form was left out");
          } else {
            headers.put(v.substring(0, colon).trim(), v.substring(colon + 1).trim());
          }
        }
        case "-d", "--data", "--data-ascii", "--data-raw", "--data-binary", "--data-urlencode" -> {
          String v = attached != null ? attached : value(args, i++, a);
          if (v.startsWith("@") && !opt.equals("--data-raw")) {
            notices.add(
                opt + " " + v + ": a body read from a file is not supported; paste the body text");
          } else {
            data.add(opt.equals("--data-urlencode") ? urlencodePart(v) : v);
          }
        }
        case "-F", "--form", "--form-string" -> {
          String v = attached != null ? attached : value(args, i++, a);
          int eq = v.indexOf('=');
          if (eq <= 0) {
            notices.add("a " + opt + " value without the name=value form was left out");
          } else if (!opt.equals("--form-string")
              && (v.charAt(eq + 1 < v.length() ? eq + 1 : eq) == '@'
                  || v.substring(eq + 1).startsWith("<"))) {
            notices.add(opt + " " + v + ": file uploads are not supported; the field was left out");
          } else {
            form.put(v.substring(0, eq), v.substring(eq + 1));
          }
        }
        case "-u", "--user" -> user = attached != null ? attached : value(args, i++, a);
        case "--oauth2-bearer" -> bearer = attached != null ? attached : value(args, i++, a);
        case "-k", "--insecure" -> insecure = true;
        case "-L", "--location" -> follow = true;
        case "--compressed" -> {
          // Fetchboard always asks for gzip/deflate and decodes it.
        }
        case "-G", "--get" -> get = true;
        case "-I", "--head" -> head = true;
        case "-A", "--user-agent" ->
            headers.put("User-Agent", attached != null ? attached : value(args, i++, a));
        case "-e", "--referer" ->
            headers.put("Referer", attached != null ? attached : value(args, i++, a));
        case "-b", "--cookie" -> {
          String v = attached != null ? attached : value(args, i++, a);
          if (v.contains("=")) {
            headers.put("Cookie", v);
          } else {
            notices.add(opt + " " + v + ": cookies from a file are not supported");
          }
        }
        case "--url" -> url = value(args, i++, a);
        default -> {
          if (HARMLESS.contains(a)) {
            // Output details of the curl tool itself; nothing to carry over.
          } else if (TAKES_VALUE_IGNORED.contains(opt)) {
            String v = attached != null ? attached : value(args, i++, a);
            notices.add("unsupported option " + opt + " " + v + " was left out");
          } else if (TAKES_SECRET_IGNORED.contains(opt) || TAKES_SECRET_IGNORED.contains(a)) {
            if (attached == null || !TAKES_SECRET_IGNORED.contains(opt)) {
              value(args, i++, a);
            }
            notices.add(
                "unsupported option "
                    + (TAKES_SECRET_IGNORED.contains(a) ? a : opt)
                    + " was left out (its value is not shown: it may hold a secret)");
          } else if (a.startsWith("-") && a.length() > 1) {
            notices.add("unsupported option " + a + " was left out");
          } else if (url == null) {
            url = a;
          } else {
            notices.add("extra argument '" + a + "' was left out (one URL per panel)");
          }
        }
      }
    }
    if (url == null) {
      throw new ImportException("the cURL command has no URL");
    }
    if (!url.contains("://")) {
      url = "http://" + url; // what curl itself assumes
    }
    BodySpec body = null;
    String contentType = headerValue(headers, "Content-Type");
    if (!data.isEmpty() && get) {
      url += (url.contains("?") ? "&" : "?") + String.join("&", data);
    } else if (!data.isEmpty()) {
      String joined = String.join("&", data);
      if (contentType == null) {
        contentType = "application/x-www-form-urlencoded";
        headers.put("Content-Type", contentType);
      }
      body = BodySpec.text(contentType, joined);
    } else if (!form.isEmpty()) {
      body = BodySpec.form(form);
      notices.add(
          "-F fields are sent URL-encoded (application/x-www-form-urlencoded), not as"
              + " multipart/form-data");
    }
    if (body != null && body.text() != null && contentType != null) {
      // The body says its type; keep the header only once (in the body).
      removeHeader(headers, "Content-Type");
    }
    if (method == null) {
      method = head ? "HEAD" : body != null ? "POST" : "GET";
    }
    String host = Secrets.hostPrefix(url);
    AuthSpec auth = bearer == null ? null : AuthSpec.bearer(bearer);
    if (user != null) {
      int colon = user.indexOf(':');
      String name = colon < 0 ? user : user.substring(0, colon);
      String password = colon < 0 ? "" : user.substring(colon + 1);
      String ref = password;
      if (!Variables.hasReference(password)) {
        String env = host + "_PASSWORD";
        ref = "${env:" + env + "}";
        notices.add(
            "set the environment variable "
                + env
                + " to the basic-auth password of "
                + name
                + (password.isEmpty() ? "" : " (the password in the command was not saved)"));
      }
      auth = AuthSpec.basic(name, ref);
    }
    String authorization = headerValue(headers, "Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      removeHeader(headers, "Authorization");
      String token = authorization.substring(7).strip();
      if (!Variables.hasReference(token)) {
        String env = host + "_TOKEN";
        token = "${env:" + env + "}";
        notices.add(
            "set the environment variable "
                + env
                + " to the bearer token (the token in the command was not saved)");
      }
      auth = AuthSpec.bearer(token);
    }
    HttpRequestSpec spec =
        new HttpRequestSpec(
            method,
            url,
            null,
            headers,
            body,
            auth,
            null,
            follow,
            null,
            null,
            insecure ? Boolean.TRUE : null);
    spec = new LiteralSecrets(host, notices).scrub(spec, "the request");
    String title = method + " " + pathOf(url);
    PanelSpec panel = PanelSpec.http(new PanelIds(List.of()).next(title), title, spec);
    return new ImportResult(List.of(panel), Map.of(), notices);
  }

  /** Splits combined short flags such as {@code -sSL} into {@code -s -S -L}. */
  private static List<String> expandShortFlags(List<String> words) {
    var out = new ArrayList<String>();
    for (String w : words) {
      if (w.length() > 2
          && w.charAt(0) == '-'
          && w.charAt(1) != '-'
          && w.substring(1).chars().allMatch(ch -> "sSvikLGIfgN#".indexOf(ch) >= 0)) {
        w.substring(1).chars().forEach(ch -> out.add("-" + (char) ch));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static String value(List<String> args, int i, String option) throws ImportException {
    if (i + 1 >= args.size()) {
      throw new ImportException("option " + option + " needs a value");
    }
    return args.get(i + 1);
  }

  private static String urlencodePart(String v) {
    int eq = v.indexOf('=');
    if (eq < 0) {
      return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
    }
    return v.substring(0, eq + 1)
        + java.net.URLEncoder.encode(v.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static @Nullable String headerValue(Map<String, String> headers, String name) {
    for (var e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void removeHeader(Map<String, String> headers, String name) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
  }

  private static String pathOf(String url) {
    try {
      String p = URI.create(url.replaceAll("\\$\\{[^}]*}", "x")).getPath();
      return p == null || p.isEmpty() ? "/" : p;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
