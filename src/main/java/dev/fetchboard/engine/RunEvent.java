package dev.fetchboard.engine;

import java.time.Instant;

/**
 * What the engine says about a run, in order: queued, started, any number of progress events, then
 * finished. Listeners receive them on worker threads and must not block.
 */
public sealed interface RunEvent {
  long runId();

  String panelId();

  /**
   * Accepted and waiting: for a free slot (global limit, host limit or database pool), or for what
   * {@code waitingFor} says (e.g. "starting database…"; null when it is just a slot).
   */
  record Queued(long runId, String panelId, Instant at, String waitingFor) implements RunEvent {}

  /** Holding its slot and talking to the server. */
  record Started(long runId, String panelId, Instant at) implements RunEvent {}

  /**
   * Bytes received and rows parsed so far. {@code table} is the result table filling up (null until
   * columns are known); it is safe to read the first {@code rows} rows of it from any thread.
   */
  record Progress(long runId, String panelId, long bytes, long rows, ResultTable table)
      implements RunEvent {}

  /** The run ended: successfully, with an error, with failed checks or cancelled. */
  record Finished(long runId, String panelId, RunResult result) implements RunEvent {}
}
