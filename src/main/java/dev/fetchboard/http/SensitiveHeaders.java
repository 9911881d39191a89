package dev.fetchboard.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps cookie values out of results: a {@code Set-Cookie} header keeps its cookie name and
 * attributes but not its value, so history, exports and screenshots never carry a session.
 */
final class SensitiveHeaders {
  static final String REDACTED = "‹redacted›";

  private SensitiveHeaders() {}

  static Map<String, List<String>> redact(Map<String, List<String>> headers) {
    boolean any = false;
    for (String name : headers.keySet()) {
      any |= isSensitive(name);
    }
    if (!any) {
      return headers;
    }
    var out = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (!isSensitive(name)) {
            out.put(name, values);
            return;
          }
          var redacted = new ArrayList<String>(values.size());
          for (String v : values) {
            redacted.add(redactCookie(v));
          }
          out.put(name, List.copyOf(redacted));
        });
    return out;
  }

  private static boolean isSensitive(String name) {
    return name.equalsIgnoreCase("set-cookie")
        || name.equalsIgnoreCase("set-cookie2")
        || name.equalsIgnoreCase("authorization");
  }

  /** "session=abc; Path=/; HttpOnly" becomes "session=‹redacted›; Path=/; HttpOnly". */
  static String redactCookie(String value) {
    int semi = value.indexOf(';');
    String first = semi < 0 ? value : value.substring(0, semi);
    String rest = semi < 0 ? "" : value.substring(semi);
    int eq = first.indexOf('=');
    return eq < 0 ? REDACTED + rest : first.substring(0, eq + 1) + REDACTED + rest;
  }
}
