package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A number of bytes written as text: {@code 512}, {@code 64KB}, {@code 50MB}, {@code 1GB}. */
@JsonDeserialize(using = ByteSize.Reader.class)
public record ByteSize(long bytes) {
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);

  public ByteSize {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a size must be at least 1 byte, not " + bytes);
    }
  }

  public static ByteSize ofMegabytes(long mb) {
    return new ByteSize(mb * 1024 * 1024);
  }

  /** A size as written: a number of bytes, or with a unit (KB, MB, GB). */
  public static ByteSize parse(String text) {
    String t = text == null ? "" : text.trim();
    var m = FORM.matcher(t);
    if (!m.matches()) {
      if (t.startsWith("-") && FORM.matcher(t.substring(1).trim()).matches()) {
        throw new IllegalArgumentException(
            "a size cannot be negative (" + quote(t) + "); write e.g. 512KB, 50MB or 1GB");
      }
      throw new IllegalArgumentException(
          quote(t) + " is not a size (write e.g. 512KB, 50MB or 1GB)");
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
      throw new IllegalArgumentException(quote(t) + " is too large");
    }
    if (bytes < 1) {
      throw new IllegalArgumentException(
          "a size must be at least 1 byte, not " + quote(t) + " (write e.g. 512KB, 50MB or 1GB)");
    }
    return new ByteSize((long) bytes);
  }

  private static String quote(String text) {
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }

  /** Reads a size written as text ({@code 50MB}) or as a plain number of bytes ({@code 4096}). */
  static final class Reader extends StdScalarDeserializer<ByteSize> {
    Reader() {
      super(ByteSize.class);
    }

    @Override
    public ByteSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      String message;
      IllegalArgumentException cause;
      if (t == JsonToken.VALUE_STRING
          || t == JsonToken.VALUE_NUMBER_INT
          || t == JsonToken.VALUE_NUMBER_FLOAT) {
        try {
          return parse(p.getText());
        } catch (IllegalArgumentException e) {
          message = e.getMessage();
          cause = e;
        }
      } else {
        message = "a size is written like 512KB, 50MB or 1GB";
        cause = new IllegalArgumentException(message);
      }
      // The cause carries the plain message to the workspace reader's problem list.
      throw JsonMappingException.from(p, message, cause);
    }
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
