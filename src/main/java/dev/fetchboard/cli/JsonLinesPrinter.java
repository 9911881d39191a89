package dev.fetchboard.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetchboard.engine.CheckOutcome;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.QueryRows;
import dev.fetchboard.engine.RepeatResult;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RowsChanged;
import dev.fetchboard.engine.RunPayload;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.export.TableExporter;
import dev.fetchboard.workspace.PanelSpec;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per panel run, one per line: panel, ok, outcome, elapsedMs, status, rows (the
 * count), columns and data (every row held), value, error, notice, checks. With --repeat: panel,
 * count, ok, failed, wallMs, reqPerSec, p50Ms, p90Ms, p99Ms, maxMs, statuses, errors.
 */
final class JsonLinesPrinter implements ResultPrinter {
  private final Writer out;
  private final JsonFactory factory = new JsonFactory();

  JsonLinesPrinter(Writer out) {
    this.out = out;
  }

  @Override
  public void result(PanelSpec panel, RunResult r) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("panel", panel.id());
      g.writeStringField("title", panel.displayTitle());
      g.writeBooleanField("ok", r.ok());
      g.writeStringField("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
      g.writeNumberField("elapsedMs", round(r.elapsed().toNanos() / 1e6));
      RunPayload payload = r.payload();
      if (payload instanceof HttpExchange http && http.timeToFirstByte() != null) {
        g.writeNumberField("ttfbMs", round(http.timeToFirstByte().toNanos() / 1e6));
      }
      if (payload instanceof QueryRows rows && rows.timeToFirstRow() != null) {
        g.writeNumberField("firstRowMs", round(rows.timeToFirstRow().toNanos() / 1e6));
      }
      nullableInt(g, "status", r.httpStatus().isPresent() ? r.httpStatus().getAsInt() : null);
      g.writeNumberField("bytes", payload instanceof HttpExchange http ? http.bytes() : 0);
      g.writeNumberField("rows", r.rowCount());
      if (payload instanceof RowsChanged changed) {
        g.writeNumberField("affectedRows", changed.affectedRows());
      }
      g.writeFieldName("value");
      cell(g, r.value());
      if (r.error() != null) {
        g.writeStringField("error", r.error().message());
        g.writeStringField("errorKind", r.error().kind().name().toLowerCase(java.util.Locale.ROOT));
      } else {
        g.writeNullField("error");
      }
      if (r.notice() != null) {
        g.writeStringField("notice", r.notice());
      }
      g.writeArrayFieldStart("checks");
      for (CheckOutcome c : r.checks()) {
        g.writeStartObject();
        g.writeStringField("check", c.description());
        g.writeBooleanField("passed", c.passed());
        g.writeStringField("actual", c.actual());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (r.table() != null) {
        table(g, r.table());
      }
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void table(JsonGenerator g, ResultTable t) throws IOException {
    g.writeBooleanField("capped", t.capped());
    g.writeArrayFieldStart("columns");
    for (Column c : t.columns()) {
      g.writeString(c.name());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("data");
    int n = t.rowCount();
    for (int r = 0; r < n; r++) {
      Object[] row = t.row(r);
      g.writeStartArray();
      for (int c = 0; c < t.columns().size(); c++) {
        cell(g, c < row.length ? row[c] : null);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  static void cell(JsonGenerator g, Object v) throws IOException {
    TableExporter.value(g, v);
  }

  @Override
  public void repeat(PanelSpec panel, RepeatResult r) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("panel", panel.id());
      g.writeNumberField("count", r.count());
      g.writeBooleanField("ok", r.ok());
      g.writeNumberField("succeeded", r.succeeded());
      g.writeNumberField("failed", r.failed());
      g.writeNumberField("wallMs", r.wallMillis());
      g.writeNumberField("reqPerSec", round(r.perSecond()));
      g.writeNumberField("p50Ms", r.p50Millis());
      g.writeNumberField("p90Ms", r.p90Millis());
      g.writeNumberField("p99Ms", r.p99Millis());
      g.writeNumberField("maxMs", r.maxMillis());
      g.writeObjectFieldStart("statuses");
      for (var e : r.statuses().entrySet()) {
        g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("errors");
      for (var e : r.errors().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
  }

  @Override
  public void finish(int panels, int failed) throws IOException {
    out.flush();
  }

  private JsonGenerator generator() throws IOException {
    return factory.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private static void nullableInt(JsonGenerator g, String name, Integer v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
