package dev.fetchboard.ui.model;

import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.Outcome;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.engine.Values;
import java.time.Duration;
import java.time.Instant;

/**
 * One finished run as the History tab and the tile's sparkline remember it.
 *
 * @param at when the run finished (as the window saw it)
 * @param status HTTP status, or null
 * @param rows rows in the result (0 without a table)
 * @param bytes body bytes received (HTTP), or 0
 * @param number the single value when it is a number (for a value tile's trend), or null
 * @param message the problem, the notice, or ""
 * @param timed whether {@code latency} measured an exchange (false when the run failed before one)
 */
public record RunRecord(
    Instant at,
    Outcome outcome,
    Integer status,
    Duration latency,
    int rows,
    long bytes,
    Double number,
    String message,
    boolean timed) {

  static RunRecord of(RunResult r, Instant at) {
    String problem = r.problem();
    String message = problem != null ? problem : r.notice() != null ? r.notice() : "";
    return new RunRecord(
        at,
        r.outcome(),
        r.httpStatus().isPresent() ? r.httpStatus().getAsInt() : null,
        r.elapsed(),
        r.rowCount(),
        r.payload() instanceof HttpExchange http ? http.bytes() : 0,
        r.error() == null ? Values.number(r.value()) : null,
        message,
        r.error() == null || r.elapsed().toMillis() > 0);
  }
}
