package dev.fetchboard.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of one run of a panel.
 *
 * @param elapsed from the start of the exchange (after waiting for a slot) to its end
 * @param timeToFirstByte HTTP only: until the response headers arrived
 * @param status HTTP status, or null
 * @param body the response body as text (HTTP), within the panel's size cap
 * @param table rows for table and chart views (may be null)
 * @param value the single value for a value view (may be null)
 * @param affectedRows rows changed by a SQL write (null for reads)
 * @param notice something the user should know that is not an error (e.g. "first 100,000 rows
 *     shown")
 * @param attempts how many attempts were made (more than 1 after retries)
 * @param timeToFirstRow until the first row of a streamed table was readable, or null
 */
public record RunResult(
    String panelId,
    long runId,
    Outcome outcome,
    RunError error,
    Instant startedAt,
    Duration elapsed,
    Duration timeToFirstByte,
    Integer status,
    Map<String, List<String>> headers,
    String contentType,
    long bytes,
    String body,
    ResultTable table,
    Object value,
    Long affectedRows,
    List<CheckOutcome> checks,
    String notice,
    int attempts,
    Duration timeToFirstRow) {

  public RunResult {
    headers = headers == null ? Map.of() : headers;
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A result for a run that failed before or during the exchange. */
  public static RunResult failed(
      String panelId,
      long runId,
      Instant startedAt,
      Duration elapsed,
      RunError error,
      int attempts) {
    Outcome outcome = error.kind() == ErrorKind.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED;
    return new RunResult(
        panelId, runId, outcome, error, startedAt, elapsed, null, null, null, null, 0, null, null,
        null, null, null, null, attempts, null);
  }

  public boolean ok() {
    return outcome.ok();
  }

  /** Rows held in the table, or 0. */
  public int rowCount() {
    return table == null ? 0 : table.rowCount();
  }

  /** The first failed check, or null. */
  public CheckOutcome firstFailedCheck() {
    return checks.stream().filter(c -> !c.passed()).findFirst().orElse(null);
  }

  /** One line saying what went wrong, or null when the run was OK. */
  public String problem() {
    if (error != null) {
      return error.message();
    }
    CheckOutcome failed = firstFailedCheck();
    return failed == null
        ? null
        : "check failed: " + failed.description() + " (was " + failed.actual() + ")";
  }
}
