package dev.fetchboard.engine;

import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.PanelSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns what happened in a run into its {@link RunResult}: checks and notices for a run that got an
 * answer, plain words for one that was stopped, secrets put back as references. The run executor
 * ({@link Engine}) decides when; this class decides what the result says.
 */
final class ResultAssembly {
  private ResultAssembly() {}

  /** Errors and notices may quote resolved values; put secrets back as references. */
  static RunResult redacted(RunResult r, PanelResolver resolver) {
    if (r.error() == null && r.notice() == null) {
      return r;
    }
    RunError e =
        r.error() == null
            ? null
            : new RunError(
                r.error().kind(),
                resolver.redact(r.error().message()),
                resolver.redact(r.error().details()));
    return r.withMessages(e, resolver.redact(r.notice()));
  }

  static RunResult success(
      long id, PanelSpec panel, RunContext ctx, SourceOutput out, int attempts) {
    Duration elapsed = elapsed(ctx);
    List<CheckOutcome> checks = CheckEvaluator.evaluate(panel.checks(), out, elapsed);
    Outcome outcome =
        checks.stream().allMatch(CheckOutcome::passed) ? Outcome.OK : Outcome.CHECK_FAILED;
    RunPayload payload = out.payload();
    String notice = out.notice();
    ResultTable table = payload.table();
    if (table != null && table.capNotice() != null) {
      notice = notice == null ? table.capNotice() : notice + "; " + table.capNotice();
    }
    return new RunResult(
        panel.id(), id, outcome, null, ctx.startedAt(), elapsed, attempts, checks, notice, payload);
  }

  static RunResult stopped(
      long id,
      PanelSpec panel,
      RunContext ctx,
      Instant queuedAt,
      Cancellation cancellation,
      Duration timeout,
      int attempts) {
    RunError error;
    if (cancellation.reason() == Cancellation.Reason.TIMEOUT) {
      String after = timeout == null ? "" : " after " + Durations.human(timeout);
      error = RunError.of(ErrorKind.TIMEOUT, "timed out" + after);
    } else {
      error =
          RunError.of(
              ErrorKind.CANCELLED, ctx.hasStarted() ? "cancelled" : "cancelled before it started");
    }
    return RunResult.failed(panel.id(), id, startOf(ctx, queuedAt), elapsed(ctx), error, attempts);
  }

  static Instant startOf(RunContext ctx, Instant fallback) {
    return ctx.hasStarted() ? ctx.startedAt() : fallback;
  }

  static Duration elapsed(RunContext ctx) {
    return ctx.hasStarted()
        ? Duration.ofNanos(System.nanoTime() - ctx.startedNanos())
        : Duration.ZERO;
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  static String stackTrace(Throwable e) {
    var sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}
