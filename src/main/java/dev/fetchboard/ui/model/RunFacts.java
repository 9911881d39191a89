package dev.fetchboard.ui.model;

import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.RowsChanged;
import dev.fetchboard.engine.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one place the window reads a run result's per-kind facts (status, body, headers, changed
 * rows), so a change in the result's shape touches this class only.
 */
public final class RunFacts {
  private RunFacts() {}

  private static HttpExchange http(RunResult r) {
    return r.payload() instanceof HttpExchange http ? http : null;
  }

  /** The HTTP status, or null for a kind without one or a run that got no response. */
  public static Integer status(RunResult r) {
    return r.httpStatus().isPresent() ? r.httpStatus().getAsInt() : null;
  }

  /** The response body as text, or null. */
  public static String body(RunResult r) {
    HttpExchange http = http(r);
    return http == null ? null : http.body();
  }

  /** The response's Content-Type, or null. */
  public static String contentType(RunResult r) {
    HttpExchange http = http(r);
    return http == null ? null : http.contentType();
  }

  /** Response headers; empty for other kinds. */
  public static Map<String, List<String>> headers(RunResult r) {
    HttpExchange http = http(r);
    return http == null ? Map.of() : http.headers();
  }

  /** Bytes of the response read, or 0. */
  public static long bytes(RunResult r) {
    HttpExchange http = http(r);
    return http == null ? 0 : http.bytes();
  }

  /** Until the response headers arrived (HTTP), or null. */
  public static Duration timeToFirstByte(RunResult r) {
    HttpExchange http = http(r);
    return http == null ? null : http.timeToFirstByte();
  }

  /** Rows a SQL write changed, or null. */
  public static Long changedRows(RunResult r) {
    return r.payload() instanceof RowsChanged changed ? changed.affectedRows() : null;
  }

  /** True when the run failed or the server answered with an error status. */
  public static boolean failed(RunResult r) {
    Integer status = status(r);
    return r.error() != null || (status != null && status >= 400);
  }
}
