package dev.fetchboard.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetchboard.engine.JsonText;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Writes a result table to a CSV (RFC 4180) or JSON file, row by row, into a temp file that
 * replaces the target only when complete. Reports progress and stops when asked; meant for a worker
 * thread.
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
    Path abs = target.toAbsolutePath();
    Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    long written;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
      written =
          format == Format.CSV
              ? csv(table, w, progress, cancelled)
              : json(table, w, progress, cancelled);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    if (written < 0) {
      Files.deleteIfExists(temp);
      return -1;
    }
    Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return written;
  }

  private static long csv(ResultTable t, Writer w, LongConsumer progress, BooleanSupplier cancelled)
      throws IOException {
    int cols = t.columns().size();
    var sb = new StringBuilder(256);
    for (int c = 0; c < cols; c++) {
      sb.append(c == 0 ? "" : ",").append(csvField(t.columns().get(c).name()));
    }
    w.write(sb.append("\r\n").toString());
    int n = t.rowCount();
    for (int r = 0; r < n; r++) {
      if ((r & 4095) == 0) {
        if (cancelled.getAsBoolean()) {
          return -1;
        }
        progress.accept(r);
      }
      sb.setLength(0);
      Object[] row = t.row(r);
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          sb.append(',');
        }
        Object v = c < row.length ? row[c] : null;
        if (v != null) {
          sb.append(csvField(Values.display(v)));
        }
      }
      w.write(sb.append("\r\n").toString());
    }
    progress.accept(n);
    return n;
  }

  private static long json(
      ResultTable t, Writer w, LongConsumer progress, BooleanSupplier cancelled)
      throws IOException {
    int cols = t.columns().size();
    int n = t.rowCount();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (int r = 0; r < n; r++) {
        if ((r & 4095) == 0) {
          if (cancelled.getAsBoolean()) {
            return -1;
          }
          progress.accept(r);
        }
        Object[] row = t.row(r);
        g.writeStartObject();
        for (int c = 0; c < cols; c++) {
          g.writeFieldName(t.columns().get(c).name());
          value(g, c < row.length ? row[c] : null);
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
      g.writeEndArray();
    }
    progress.accept(n);
    return n;
  }

  /** A cell as JSON: exact numbers, booleans, JSON as JSON, everything else as text. */
  public static void value(JsonGenerator g, Object v) throws IOException {
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
