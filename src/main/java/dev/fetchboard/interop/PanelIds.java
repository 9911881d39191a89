package dev.fetchboard.interop;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Panel ids derived from names: slugified, and unique among those already taken (-2, -3, …). */
public final class PanelIds {
  private final Set<String> taken;

  public PanelIds(Collection<String> alreadyTaken) {
    this.taken = new HashSet<>(alreadyTaken);
  }

  /** A new id for {@code name}, remembered as taken. */
  public String next(String name) {
    String base = slug(name);
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    taken.add(id);
    return id;
  }

  /** Lower case letters and digits joined by single dashes, at most 60 characters. */
  public static String slug(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String s = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "request" : s;
  }

  /** UPPER_SNAKE_CASE of a name, for environment variables: {@code apiKey} → {@code API_KEY}. */
  public static String envName(String name) {
    String s =
        (name == null ? "" : name)
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "SECRET";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }
}
