package dev.fetchboard.workspace;

import java.math.BigDecimal;

/**
 * A decimal as people read it, bounded: plain ({@code 1000}, {@code 0.005}) unless that would add
 * more than a few zeros to its digits, then scientific ({@code 1E+999999999}), which 11 bytes of
 * JSON or YAML would otherwise turn into a billion characters.
 */
public final class DecimalText {
  /** The most zeros a plain form may add to the number's own digits. */
  public static final int MAX_PADDING_ZEROS = 30;

  private DecimalText() {}

  /** The text of {@code b}: never much longer than its own digits. */
  public static String of(BigDecimal b) {
    long scale = b.scale();
    long precision = b.precision();
    // Zeros toPlainString adds: after the digits for a negative scale, before them for a scale
    // larger than the digits.
    long padding = scale < 0 ? -scale : Math.max(0, scale - precision + 1);
    return padding <= MAX_PADDING_ZEROS ? b.toPlainString() : b.toString();
  }
}
