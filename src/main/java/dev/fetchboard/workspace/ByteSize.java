package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A number of bytes written as text: {@code 512}, {@code 64KB}, {@code 50MB}, {@code 1GB}. */
public record ByteSize(long bytes) {
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);

  public ByteSize {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a size must be more than 0 bytes");
    }
  }

  public static ByteSize ofMegabytes(long mb) {
    return new ByteSize(mb * 1024 * 1024);
  }

  @JsonCreator
  public static ByteSize parse(String text) {
    var m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (write e.g. 512KB, 50MB or 1GB)");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "kb", "kib" -> 1024L;
          case "mb", "mib" -> 1024L * 1024;
          case "gb", "gib" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    double bytes = n * factor;
    if (bytes > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return new ByteSize((long) bytes);
  }

  @JsonValue
  public String format() {
    if (bytes % (1024L * 1024 * 1024) == 0) {
      return bytes / (1024L * 1024 * 1024) + "GB";
    }
    if (bytes % (1024L * 1024) == 0) {
      return bytes / (1024L * 1024) + "MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + "KB";
    }
    return Long.toString(bytes);
  }

  /** A human-readable size for messages, e.g. "50 MB" or "1.5 KB". */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return (v == Math.rint(v)
            ? String.format(Locale.ROOT, "%.0f", v)
            : String.format(Locale.ROOT, "%.1f", v))
        + " "
        + units[i];
  }

  @Override
  public String toString() {
    return format();
  }
}
