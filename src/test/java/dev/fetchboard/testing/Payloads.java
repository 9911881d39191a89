package dev.fetchboard.testing;

import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.QueryRows;
import dev.fetchboard.engine.RowsChanged;
import dev.fetchboard.engine.RunResult;

/** A result's payload as the kind a test expects, or a failure saying what it was instead. */
public final class Payloads {
  private Payloads() {}

  public static HttpExchange http(RunResult r) {
    if (r.payload() instanceof HttpExchange http) {
      return http;
    }
    throw unexpected("an HTTP exchange", r);
  }

  public static QueryRows rows(RunResult r) {
    if (r.payload() instanceof QueryRows rows) {
      return rows;
    }
    throw unexpected("query rows", r);
  }

  public static RowsChanged changed(RunResult r) {
    if (r.payload() instanceof RowsChanged changed) {
      return changed;
    }
    throw unexpected("a count of changed rows", r);
  }

  private static AssertionError unexpected(String wanted, RunResult r) {
    return new AssertionError(
        "expected " + wanted + " but the run brought " + r.payload() + " (" + r.problem() + ")");
  }
}
