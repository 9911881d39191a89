package dev.fetchboard.alerts;

import dev.fetchboard.workspace.Variables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes secrets out of text before it is logged or shown: every value resolved from {@code
 * ${env:…}} and every secret field of a target (a bot token, a webhook URL, a key header), each
 * replaced by its reference as the workspace writes it.
 */
final class Redactor {
  // Shorter values would blank out ordinary words; Variables draws the same line.
  private static final int MIN_SECRET = 4;
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
