package dev.fetchboard.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.RowSink;
import dev.fetchboard.engine.Values;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows to a CSV (RFC 4180) or JSON file as they come, holding none: into a temp file beside
 * the target that replaces it only on {@link #commit}. Closing without a commit (a failure, a
 * cancel) deletes the temp file and leaves the target as it was.
 */
public final class RowFileWriter implements RowSink, AutoCloseable {
  private final Path target;
  private final Path temp;
  private final TableExporter.Format format;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  // Both set by columns(), which the exporter calls before the first row.
  private @Nullable JsonGenerator json;
  private @Nullable List<Column> columns;
  private volatile long rows;
  private boolean committed;

  private RowFileWriter(Path target, Path temp, TableExporter.Format format, Writer out) {
    this.target = target;
    this.temp = temp;
    this.format = format;
    this.out = out;
  }

  /** A writer for {@code target}; nothing is visible there until {@link #commit}. */
  public static RowFileWriter open(Path target, TableExporter.Format format) throws IOException {
    Path abs = target.toAbsolutePath();
    Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    var w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
    return new RowFileWriter(abs, temp, format, w);
  }

  @Override
  public void columns(List<Column> cols) throws IOException {
    List<Column> named = List.copyOf(cols);
    columns = named;
    if (format == TableExporter.Format.CSV) {
      line.setLength(0);
      for (int c = 0; c < named.size(); c++) {
        line.append(c == 0 ? "" : ",").append(TableExporter.csvCell(named.get(c).name()));
      }
      out.write(line.append("\r\n").toString());
    } else {
      JsonGenerator g = new JsonFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      json = g;
    }
  }

  @Override
  public void row(Object[] row) throws IOException {
    List<Column> named = Objects.requireNonNull(columns, "the columns come before the rows");
    int cols = named.size();
    if (format == TableExporter.Format.CSV) {
      line.setLength(0);
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append(',');
        }
        Object v = c < row.length ? row[c] : null;
        if (v != null) {
          line.append(TableExporter.csvCell(Values.display(v)));
        }
      }
      out.write(line.append("\r\n").toString());
    } else {
      JsonGenerator g = Objects.requireNonNull(json, "the columns come before the rows");
      g.writeStartObject();
      for (int c = 0; c < cols; c++) {
        g.writeFieldName(named.get(c).name());
        TableExporter.value(g, c < row.length ? row[c] : null);
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }
    rows++;
  }

  /** Rows written so far; safe to read from another thread (progress). */
  public long rows() {
    return rows;
  }

  /** Finishes the file, syncs it to disk and puts it in place of the target. */
  public void commit() throws IOException {
    if (columns == null) {
      columns(List.of());
    }
    JsonGenerator g = json;
    if (g != null) {
      g.writeEndArray();
      g.close();
    }
    out.close();
    try (var ch =
        java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
