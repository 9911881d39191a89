package dev.fetchboard.workspace;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Durations as people write them in workspaces and on the command line: 500ms, 5s, 1.5s, 2m, 1h.
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * A duration as written; 0 is allowed here (callers say what their least is).
   *
   * @throws IllegalArgumentException saying plainly what is wrong: not a duration, negative, or
   *     longer than a year
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    var m = FORM.matcher(t);
    if (!m.matches()) {
      if (t.startsWith("-") && FORM.matcher(t.substring(1).trim()).matches()) {
        throw new IllegalArgumentException(
            "a duration cannot be negative (" + quote(t) + "); write e.g. 500ms, 5s, 2m or 1h");
      }
      throw new IllegalArgumentException(
          quote(t) + " is not a duration (write e.g. 500ms, 5s, 2m or 1h)");
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    BigDecimal millis =
        switch (unit) {
          case "ms" -> n;
          case "m" -> n.multiply(BigDecimal.valueOf(60_000));
          case "h" -> n.multiply(BigDecimal.valueOf(3_600_000));
          default -> n.multiply(BigDecimal.valueOf(1000));
        };
    if (millis.compareTo(BigDecimal.valueOf(365L * 24 * 3_600_000)) > 0) {
      throw new IllegalArgumentException(quote(t) + " is longer than a year");
    }
    return Duration.ofMillis(millis.longValue());
  }

  private static String quote(String text) {
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }

  /** The shortest exact form: 500ms, 5s, 1500ms, 2m, 1h. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** A reading for people: "850 ms", "1.2 s", "3 min". */
  public static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      double s = ms / 1000.0;
      return (s == Math.rint(s)
              ? String.format(Locale.ROOT, "%.0f", s)
              : String.format(Locale.ROOT, "%.1f", s))
          + " s";
    }
    return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
  }
}
