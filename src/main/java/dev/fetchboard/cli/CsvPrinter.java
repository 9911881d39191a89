package dev.fetchboard.cli;

import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.RepeatResult;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.engine.Values;
import dev.fetchboard.export.TableExporter;
import dev.fetchboard.workspace.PanelSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Each panel's rows as RFC 4180 CSV with a header line. With several panels, each table is preceded
 * by a line {@code # panel: ID} and followed by a blank line; a failed panel prints {@code #
 * error:}.
 */
final class CsvPrinter implements ResultPrinter {
  private final Writer out;
  private int printed;

  CsvPrinter(Writer out) {
    this.out = out;
  }

  @Override
  public void result(PanelSpec panel, RunResult r) throws IOException {
    separator(panel);
    if (r.error() != null) {
      out.write("# error: " + oneLine(r.error().message()) + "\n");
      return;
    }
    ResultTable t = r.table();
    if (t == null) {
      out.write("value\n");
      out.write(
          cell(r.value() != null ? Values.display(r.value()) : body(r) == null ? "" : body(r)));
      out.write("\n");
      return;
    }
    var sb = new StringBuilder(256);
    for (int c = 0; c < t.columns().size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      sb.append(cell(t.columns().get(c).name()));
    }
    out.write(sb.append('\n').toString());
    int n = t.rowCount();
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      Object[] row = t.row(i);
      for (int c = 0; c < t.columns().size(); c++) {
        if (c > 0) {
          sb.append(',');
        }
        Object v = c < row.length ? row[c] : null;
        if (v != null) {
          sb.append(cell(Values.display(v)));
        }
      }
      out.write(sb.append('\n').toString());
    }
  }

  @Override
  public void repeat(PanelSpec panel, RepeatResult r) throws IOException {
    if (printed++ == 0) {
      out.write("panel,count,succeeded,failed,wallMs,reqPerSec,p50Ms,p90Ms,p99Ms,maxMs\n");
    }
    out.write(
        String.format(
            Locale.ROOT,
            "%s,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f%n",
            field(panel.id()),
            r.count(),
            r.succeeded(),
            r.failed(),
            r.wallMillis(),
            r.perSecond(),
            r.p50Millis(),
            r.p90Millis(),
            r.p99Millis(),
            r.maxMillis()));
  }

  private void separator(PanelSpec panel) throws IOException {
    if (printed++ > 0) {
      out.write("\n");
    }
    out.write("# panel: " + panel.id() + "\n");
  }

  @Override
  public void finish(int panels, int failed) throws IOException {
    out.flush();
  }

  static String field(String s) {
    return TableExporter.csvField(s);
  }

  /** A value from a server or a database: formulas neutralised, then quoted as needed. */
  static String cell(String s) {
    return TableExporter.csvCell(s);
  }

  /** A message on one comment line: a server's CR, LF or other control characters become spaces. */
  static String oneLine(String message) {
    var sb = new StringBuilder(message.length());
    message.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return sb.toString();
  }

  /** The response body of an HTTP run, or null. */
  private static String body(RunResult r) {
    return r.payload() instanceof HttpExchange http ? http.body() : null;
  }
}
