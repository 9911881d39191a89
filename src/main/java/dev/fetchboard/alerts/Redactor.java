package dev.fetchboard.alerts;

import dev.fetchboard.workspace.Variables;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is logged or shown: every value resolved from {@code
 * ${env:…}} and every secret field of a target (a bot token, a webhook URL, a key header), each
 * replaced by its reference as the workspace writes it.
 */
final class Redactor {
  // Shorter values would blank out ordinary words; Variables draws the same line.
  private static final int MIN_SECRET = 4;
  private static final int MIN_KEY_PART = 8;
  private static final Pattern KEYISH = Pattern.compile("[0-9A-Z]|.{16}");
  private final Variables variables;
  private final Map<String, String> secrets = new LinkedHashMap<>();

  Redactor(Variables variables) {
    this.variables = variables;
  }

  /** Hides {@code secret} behind {@code shownAs} from now on (also its URL-encoded form). */
  synchronized void add(String secret, String shownAs) {
    if (secret == null || secret.length() < MIN_SECRET) {
      return;
    }
    secrets.put(secret, shownAs);
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    if (!encoded.equals(secret)) {
      secrets.put(encoded, shownAs);
    }
  }

  /**
   * Hides a secret URL and the parts of it a server may repeat on their own: its path and query,
   * the query's values and path segments that look like keys (long, or with digits or capitals).
   */
  synchronized void addUrl(String url, String shownAs) {
    add(url, shownAs);
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return;
    }
    String path = uri.getRawPath();
    String query = uri.getRawQuery();
    if (path != null && path.length() > 1) {
      add(path + (query == null ? "" : "?" + query), shownAs);
      add(path, shownAs);
      for (String segment : path.split("/")) {
        if (segment.length() >= MIN_KEY_PART && KEYISH.matcher(segment).find()) {
          add(segment, shownAs);
        }
      }
    }
    if (query != null) {
      add(query, shownAs);
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq >= 0 && pair.length() - eq - 1 >= MIN_KEY_PART) {
          add(pair.substring(eq + 1), shownAs);
        }
      }
    }
  }

  synchronized String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    // Longest first, so a URL that contains a token is replaced whole.
    var ordered =
        secrets.entrySet().stream()
            .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
            .toList();
    for (var e : ordered) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return variables.redact(out);
  }
}
