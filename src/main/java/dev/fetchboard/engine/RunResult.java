package dev.fetchboard.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * The immutable outcome of one run of a panel: what every run has (outcome, timing, checks) and
 * what its kind brought back ({@link #payload()}, switched over by code that shows a kind's
 * details). The derived accessors below serve code that shows any kind.
 *
 * @param error why the run failed, or null when it did not
 * @param elapsed from the start of the exchange (after waiting for a slot) to its end
 * @param attempts how many attempts were made (more than 1 after retries)
 * @param notice something the user should know that is not an error (e.g. "first 100,000 rows
 *     shown"), or null
 * @param payload what the run brought back; {@link NoData#NONE} for a run that failed before any
 */
public record RunResult(
    String panelId,
    long runId,
    Outcome outcome,
    RunError error,
    Instant startedAt,
    Duration elapsed,
    int attempts,
    List<CheckOutcome> checks,
    String notice,
    RunPayload payload) {

  public RunResult {
    checks = checks == null ? List.of() : List.copyOf(checks);
    payload = payload == null ? NoData.NONE : payload;
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
        panelId, runId, outcome, error, startedAt, elapsed, attempts, null, null, NoData.NONE);
  }

  public boolean ok() {
    return outcome.ok();
  }

  /** Rows for table and chart views, or null when the run brought none. */
  public ResultTable table() {
    return payload.table();
  }

  /** The single value for a value view, or null. */
  public Object value() {
    return payload.value();
  }

  /** Rows held in the table, or 0. */
  public int rowCount() {
    ResultTable table = table();
    return table == null ? 0 : table.rowCount();
  }

  /** The HTTP status of an HTTP run that got a response; empty for any other run. */
  public OptionalInt httpStatus() {
    return payload instanceof HttpExchange http
        ? OptionalInt.of(http.status())
        : OptionalInt.empty();
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

  /** The same result with its error and notice replaced (e.g. secrets put back as references). */
  public RunResult withMessages(RunError newError, String newNotice) {
    return new RunResult(
        panelId, runId, outcome, newError, startedAt, elapsed, attempts, checks, newNotice,
        payload);
  }
}
