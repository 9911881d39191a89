package dev.fetchboard.engine;

import java.util.Map;

/**
 * The sum of a repeated run (load probe): how many, how fast, and the latency spread.
 *
 * @param statuses HTTP status → count (empty for SQL)
 * @param errors error message → count, for the failed runs
 */
public record RepeatResult(
    String panelId,
    int count,
    int succeeded,
    int failed,
    long wallMillis,
    double perSecond,
    double p50Millis,
    double p90Millis,
    double p99Millis,
    double maxMillis,
    Map<Integer, Integer> statuses,
    Map<String, Integer> errors) {

  public boolean ok() {
    return failed == 0 && count > 0;
  }
}
