package dev.fetchboard.serve;

import dev.fetchboard.engine.CheckOutcome;
import dev.fetchboard.engine.Outcome;
import dev.fetchboard.engine.RunResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What serve exports of one run, read from a {@link RunResult} in this one place only (so a change
 * of the result's shape touches this file alone).
 *
 * @param outcome ok, check_failed, failed or cancelled
 * @param finishedAt when the run ended, in seconds since the epoch
 * @param httpStatus the HTTP status, or null (not HTTP, or no response)
 * @param rows rows held in the result's table, or null when it has none
 * @param value the result's value as a number, or null when it has none or it is not numeric
 * @param checks each check's description (from the workspace) and whether it held
 */
public record ResultFacts(
    String panelId,
    boolean up,
    String outcome,
    boolean cancelled,
    double elapsedSeconds,
    double finishedAt,
    Integer httpStatus,
    Integer rows,
    Double value,
    List<CheckFact> checks) {

  /** One check's verdict, labelled by what the workspace says it checks. */
  public record CheckFact(String check, boolean passed) {}

  public ResultFacts {
    checks = List.copyOf(checks);
  }

  /** The facts of {@code r}. */
  public static ResultFacts of(RunResult r) {
    double elapsed = r.elapsed() == null ? 0 : r.elapsed().toNanos() / 1e9;
    Instant started = r.startedAt();
    double finished =
        started == null
            ? System.currentTimeMillis() / 1000.0
            : started.getEpochSecond() + started.getNano() / 1e9 + elapsed;
    var checks = new ArrayList<CheckFact>(r.checks().size());
    for (CheckOutcome c : r.checks()) {
      checks.add(new CheckFact(c.description(), c.passed()));
    }
    return new ResultFacts(
        r.panelId(),
        r.ok(),
        r.outcome().name().toLowerCase(Locale.ROOT),
        r.outcome() == Outcome.CANCELLED,
        elapsed,
        finished,
        r.httpStatus().isPresent() ? r.httpStatus().getAsInt() : null,
        r.table() == null ? null : r.rowCount(),
        number(r.value()),
        checks);
  }

  /**
   * A value as a number: numbers as they are, true/false as 1/0, text only when it is a plain
   * decimal number; anything else (a date, a JSON object) has no number.
   */
  static Double number(Object value) {
    return switch (value) {
      case null -> null;
      case Number n -> finite(n.doubleValue());
      case Boolean b -> b ? 1.0 : 0.0;
      case CharSequence s -> parse(s.toString().trim());
      default -> null;
    };
  }

  private static Double parse(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    try {
      return finite(new BigDecimal(text).doubleValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
