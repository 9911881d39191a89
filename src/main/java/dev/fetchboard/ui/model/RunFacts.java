package dev.fetchboard.ui.model;

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

  /** The HTTP status, or null for a kind without one or a run that got no response. */
  public static Integer status(RunResult r) {
    return r.status();
  }

  /** The response body as text, or null. */
  public static String body(RunResult r) {
    return r.body();
  }

  /** Response headers; empty for other kinds. */
  public static Map<String, List<String>> headers(RunResult r) {
    return r.headers();
  }

  /** Bytes of the response read, or 0. */
  public static long bytes(RunResult r) {
    return r.bytes();
  }

  /** Until the response headers arrived (HTTP), or null. */
  public static Duration timeToFirstByte(RunResult r) {
    return r.timeToFirstByte();
  }

  /** Rows a SQL write changed, or null. */
  public static Long changedRows(RunResult r) {
    return r.affectedRows();
  }

  /** True when the run failed or the server answered with an error status. */
  public static boolean failed(RunResult r) {
    Integer status = status(r);
    return r.error() != null || (status != null && status >= 400);
  }
}
