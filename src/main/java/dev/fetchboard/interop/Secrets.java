package dev.fetchboard.interop;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which imported names hold secrets, whose values must never be written into a workspace. */
final class Secrets {
  // Matched against the name in lower case with camelCase, '_' and '.' turned into '-'.
  private static final Pattern SECRET =
      Pattern.compile(
          "password|passwd|passphrase|pwd|token|secret|api-?key|authorization|credential|cookie"
              + "|session|private-?key|signature|jwt|bearer|(^|-)(auth|pass|sid)($|-)|^key$");
  private static final Pattern HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Secrets() {}

  static boolean looksSecret(String key) {
    if (key == null || key.isBlank()) {
      return false;
    }
    String normal =
        key.strip()
            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[_.\\s]+", "-");
    return SECRET.matcher(normal).find();
  }

  // Names the shell or the system already sets: a secret there would silently read the wrong value.
  private static final java.util.Set<String> TAKEN =
      java.util.Set.of(
          "PWD",
          "OLDPWD",
          "HOME",
          "PATH",
          "USER",
          "LOGNAME",
          "SHELL",
          "TERM",
          "LANG",
          "TMPDIR",
          "HOSTNAME",
          "DISPLAY",
          "EDITOR",
          "MAIL",
          "PS1",
          "IFS",
          "UID",
          "SECRET",
          "KEY",
          "TOKEN",
          "PASSWORD",
          "PASS",
          "AUTH",
          "SESSION",
          "COOKIE");

  /** The environment variable for the secret {@code key}: {@code accessToken} → ACCESS_TOKEN. */
  static String envName(String key, String prefix) {
    String name = PanelIds.envName(key);
    return TAKEN.contains(name) ? prefix + "_" + name : name;
  }

  static String reference(String key, String prefix) {
    return "${env:" + envName(key, prefix) + "}";
  }

  /**
   * A readable prefix for the environment variables of a request's secrets, from its URL's host:
   * {@code api.example.com} → {@code API_EXAMPLE_COM}, a loopback address → {@code LOCALHOST}, an
   * IP address or a host written as a variable → {@code API}.
   */
  static String hostPrefix(String url) {
    Matcher m = HOST.matcher(url == null ? "" : url);
    if (!m.find()) {
      return "API";
    }
    String host = m.group(1);
    host = host.substring(host.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      return host.startsWith("[::1]") ? "LOCALHOST" : "API";
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.isEmpty() || host.contains("{") || host.contains("$")) {
      return "API";
    }
    if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")) {
      return IPV4.matcher(host).matches() || !host.startsWith("127.") ? "LOCALHOST" : "API";
    }
    if (IPV4.matcher(host).matches() || host.equals("0.0.0.0")) {
      return "API";
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    String name = PanelIds.envName(host);
    return name.startsWith("_") ? "API" + name : name;
  }
}
