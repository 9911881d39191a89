package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.Workspace;
import java.time.Instant;
import java.util.function.Consumer;

/** What a source may use during one run: the workspace, cancellation, and progress reporting. */
public final class RunContext {
  private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

  private final long runId;
  private final String panelId;
  private final Workspace workspace;
  private final PanelResolver resolver;
  private final Cancellation cancellation;
  private final Consumer<RunEvent> events;
  private final boolean repeat;
  private final RowSink rowSink;
  private volatile Instant startedAt;
  private volatile long startedNanos;
  private long lastProgressNanos;
  private long firstRowNanos;

  RunContext(
      long runId,
      String panelId,
      Workspace workspace,
      PanelResolver resolver,
      Cancellation cancellation,
      Consumer<RunEvent> events,
      boolean repeat,
      RowSink rowSink) {
    this.runId = runId;
    this.panelId = panelId;
    this.workspace = workspace;
    this.resolver = resolver;
    this.cancellation = cancellation;
    this.events = events;
    this.repeat = repeat;
    this.rowSink = rowSink;
  }

  /**
   * Where the rows go instead of a result table (an export of the whole result), or null: a source
   * that can stream rows hands them here and keeps none; the row cap does not apply.
   */
  public RowSink rowSink() {
    return rowSink;
  }

  public Workspace workspace() {
    return workspace;
  }

  /** Resolves variables in connections (panels arrive resolved already). */
  public PanelResolver resolver() {
    return resolver;
  }

  public Cancellation cancellation() {
    return cancellation;
  }

  /**
   * True in repeat (load probe) mode: the result is only timed and counted, so a source may skip
   * building tables and keeping bodies.
   */
  public boolean repeatMode() {
    return repeat;
  }

  /**
   * Tells the user what the run waits for before it can start, e.g. "starting database…" (sent as a
   * {@link RunEvent.Queued} event).
   */
  public void waitingFor(String what) {
    if (!repeat && startedAt == null) {
      events.accept(new RunEvent.Queued(runId, panelId, Instant.now(), what));
    }
  }

  /** The source holds its slot and begins the exchange: the run counts as started from now. */
  public void markStarted() {
    if (startedAt == null) {
      startedNanos = System.nanoTime();
      startedAt = Instant.now();
      if (!repeat) {
        events.accept(new RunEvent.Started(runId, panelId, startedAt));
      }
    }
  }

  /**
   * Bytes and rows so far; sent on at most every 50 ms per run (and always when {@code force}), so
   * sources may call this for every chunk or row batch.
   */
  public void progress(long bytes, long rows, ResultTable table, boolean force) {
    if (rows > 0 && firstRowNanos == 0 && startedNanos != 0) {
      firstRowNanos = System.nanoTime() - startedNanos;
    }
    if (repeat) {
      return;
    }
    long now = System.nanoTime();
    if (force || now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
      lastProgressNanos = now;
      events.accept(new RunEvent.Progress(runId, panelId, bytes, rows, table));
    }
  }

  public void progress(long bytes, long rows, ResultTable table) {
    progress(bytes, rows, table, false);
  }

  /** Until the first row was reported, or null when none was. */
  public java.time.Duration timeToFirstRow() {
    return firstRowNanos == 0 ? null : java.time.Duration.ofNanos(firstRowNanos);
  }

  Instant startedAt() {
    return startedAt;
  }

  long startedNanos() {
    return startedNanos;
  }

  boolean hasStarted() {
    return startedAt != null;
  }
}
