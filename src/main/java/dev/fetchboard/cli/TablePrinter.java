package dev.fetchboard.cli;

import dev.fetchboard.engine.CheckOutcome;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.RepeatResult;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RowsChanged;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.engine.Values;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.ViewKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints results for people: a status line per panel, then its value or an aligned table. */
final class TablePrinter implements ResultPrinter {
  private static final int MAX_CELL = 40;

  private final Writer out;
  private final int maxRows;

  TablePrinter(Writer out, int maxRows) {
    this.out = new TerminalSafeWriter(out);
    this.maxRows = maxRows;
  }

  @Override
  public void result(PanelSpec panel, RunResult r) throws IOException {
    var line = new StringBuilder();
    line.append(r.ok() ? "✔ " : "✘ ").append(panel.id());
    if (!panel.displayTitle().equals(panel.id())) {
      line.append(" — ").append(panel.displayTitle());
    }
    line.append("  ").append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    HttpExchange http = r.payload() instanceof HttpExchange h ? h : null;
    if (http != null) {
      line.append(" · ").append(http.status());
    }
    line.append(" · ").append(Durations.human(r.elapsed()));
    if (http != null && http.bytes() > 0) {
      line.append(" · ").append(ByteSize.human(http.bytes()));
    }
    if (r.table() != null) {
      line.append(" · ")
          .append(String.format(r.rowCount() == 1 ? "%,d row" : "%,d rows", r.rowCount()));
    }
    if (r.payload() instanceof RowsChanged changed) {
      line.append(" · ").append(String.format("%,d rows changed", changed.affectedRows()));
    }
    if (r.attempts() > 1) {
      line.append(" · ").append(r.attempts()).append(" attempts");
    }
    out.write(line.append('\n').toString());
    if (r.error() != null) {
      out.write("  error: " + r.error().message() + "\n");
    }
    for (CheckOutcome c : r.checks()) {
      if (!c.passed() || r.checks().size() > 1 || panel.checks().size() > 0) {
        out.write(
            "  "
                + (c.passed() ? "✔" : "✘")
                + " "
                + c.description()
                + " (was "
                + c.actual()
                + ")\n");
      }
    }
    if (r.notice() != null) {
      out.write("  note: " + r.notice() + "\n");
    }
    String body = http == null ? null : http.body();
    if (r.error() == null) {
      if (panel.viewOrDefault() == ViewKind.VALUE && r.value() != null) {
        out.write("  " + Values.display(r.value()) + "\n");
      } else if (panel.viewOrDefault() == ViewKind.RAW && body != null) {
        out.write(indent(truncate(body, 4000)) + "\n");
      } else if (r.table() != null) {
        table(r.table());
      } else if (body != null && !body.isBlank()) {
        out.write(indent(truncate(body, 2000)) + "\n");
      }
    }
    out.write("\n");
  }

  private void table(ResultTable t) throws IOException {
    List<Column> cols = t.columns();
    int shown = Math.min(maxRows, t.rowCount());
    if (cols.isEmpty() || shown == 0 && t.rowCount() > 0) {
      return;
    }
    int[] width = new int[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      width[c] = Math.min(MAX_CELL, cols.get(c).name().length());
    }
    List<String[]> rows = new ArrayList<>(shown);
    for (int r = 0; r < shown; r++) {
      String[] cells = new String[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        Object v = t.cell(r, c);
        cells[c] = clip(v == null ? "NULL" : Values.display(v));
        width[c] = Math.max(width[c], cells[c].length());
      }
      rows.add(cells);
    }
    var sb = new StringBuilder("  ");
    for (int c = 0; c < cols.size(); c++) {
      sb.append(pad(clip(cols.get(c).name()), width[c], cols.get(c).numeric()))
          .append(c + 1 < cols.size() ? "  " : "");
    }
    sb.append("\n  ");
    for (int c = 0; c < cols.size(); c++) {
      sb.append("─".repeat(width[c])).append(c + 1 < cols.size() ? "  " : "");
    }
    sb.append('\n');
    out.write(sb.toString());
    for (String[] cells : rows) {
      sb.setLength(0);
      sb.append("  ");
      for (int c = 0; c < cells.length; c++) {
        sb.append(pad(cells[c], width[c], cols.get(c).numeric()))
            .append(c + 1 < cells.length ? "  " : "");
      }
      out.write(sb.append('\n').toString());
    }
    if (t.rowCount() > shown) {
      out.write(
          String.format(
              "  … %,d more row(s) (--max-rows N shows more; --format csv or json prints all)%n",
              t.rowCount() - shown));
    }
  }

  @Override
  public void repeat(PanelSpec panel, RepeatResult r) throws IOException {
    out.write(
        String.format(
            Locale.ROOT,
            "%s %s  %d runs · %d ok · %d failed · %.1f s · %.1f/s%n"
                + "  latency ms  p50 %.2f · p90 %.2f · p99 %.2f · max %.2f%n",
            r.ok() ? "✔" : "✘",
            panel.id(),
            r.count(),
            r.succeeded(),
            r.failed(),
            r.wallMillis() / 1000.0,
            r.perSecond(),
            r.p50Millis(),
            r.p90Millis(),
            r.p99Millis(),
            r.maxMillis()));
    if (!r.statuses().isEmpty()) {
      out.write(
          "  statuses  " + r.statuses().toString().replaceAll("[{}]", "").replace("=", "×") + "\n");
    }
    for (var e : r.errors().entrySet()) {
      out.write("  " + e.getValue() + "× " + e.getKey() + "\n");
    }
    out.write("\n");
  }

  @Override
  public void finish(int panels, int failed) throws IOException {
    out.write(
        failed == 0
            ? panels + (panels == 1 ? " panel" : " panels") + " OK\n"
            : failed + " of " + panels + (panels == 1 ? " panel" : " panels") + " failed\n");
    out.flush();
  }

  private static String clip(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return oneLine.length() > MAX_CELL ? oneLine.substring(0, MAX_CELL - 1) + "…" : oneLine;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String truncate(String s, int max) {
    return s.length() > max
        ? s.substring(0, max) + "\n… (" + (s.length() - max) + " more characters)"
        : s;
  }

  private static String indent(String s) {
    return "  " + s.strip().replace("\n", "\n  ");
  }
}
