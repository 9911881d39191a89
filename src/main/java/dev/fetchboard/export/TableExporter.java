package dev.fetchboard.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetchboard.engine.JsonText;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a result table to a CSV (RFC 4180) or JSON file through {@link RowFileWriter} (a temp file
 * that replaces the target only when complete). Reports progress and stops when asked; meant for a
 * worker thread. Also the one place that says how a cell is written as CSV or JSON.
 */
public final class TableExporter {
  /** The file formats. */
  public enum Format {
    CSV,
    JSON;

    /** The format for a file name's extension (json, else CSV). */
    public static Format forFile(Path file) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
    }
  }

  private TableExporter() {}

  /**
   * Exports every row held in {@code table}.
   *
   * @return the number of rows written, or -1 when cancelled (the target is then left untouched)
   */
  public static long export(
      ResultTable table,
      Path target,
      Format format,
      LongConsumer progress,
      BooleanSupplier cancelled)
      throws IOException {
    try (var writer = RowFileWriter.open(target, format)) {
      writer.columns(table.columns());
      int n = table.rowCount();
      for (int r = 0; r < n; r++) {
        if ((r & 4095) == 0) {
          if (cancelled.getAsBoolean()) {
            return -1;
          }
          progress.accept(r);
        }
        writer.row(table.row(r));
      }
      writer.commit();
      progress.accept(n);
      return n;
    }
  }

  /** A cell as JSON: exact numbers, booleans, JSON as JSON, everything else as text. */
  public static void value(JsonGenerator g, @Nullable Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case Long l -> g.writeNumber(l);
      case Integer i -> g.writeNumber(i);
      case Double d when d.isNaN() || d.isInfinite() -> g.writeString(d.toString());
      case Double d -> g.writeNumber(d);
      case BigDecimal b -> g.writeNumber(b);
      case Boolean b -> g.writeBoolean(b);
      case JsonText j -> g.writeRawValue(j.json());
      default -> g.writeString(Values.display(v));
    }
  }

  // A number as a spreadsheet reads one; such a cell stays as it is even when it starts with - or
  // +.
  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /**
   * A CSV field for a cell or a column name that came from a server or a database: a value a
   * spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @},
   * TAB or CR) gets a leading {@code '}, plain numbers such as {@code -5} stay numbers; then it is
   * quoted as {@link #csvField} does.
   */
  public static String csvCell(String s) {
    return csvField(neutralised(s));
  }

  /** The text with a leading {@code '} when a spreadsheet would take it as a formula. */
  static String neutralised(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !PLAIN_NUMBER.matcher(s).matches() ? "'" + s : s;
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break. */
  public static String csvField(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }
}
