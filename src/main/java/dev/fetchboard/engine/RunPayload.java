package dev.fetchboard.engine;

/**
 * What one run of a panel brought back, by kind: an HTTP exchange, rows of a query, the count a
 * write changed, or nothing (a run that failed before any data). A new panel kind adds a record
 * here; every {@code switch} over payloads then says where it must be shown.
 */
public sealed interface RunPayload permits HttpExchange, QueryRows, RowsChanged, NoData {

  /** Rows for table and chart views, or null when this payload has none. */
  default ResultTable table() {
    return null;
  }

  /** The single value for a value view, or null. */
  default Object value() {
    return null;
  }
}
