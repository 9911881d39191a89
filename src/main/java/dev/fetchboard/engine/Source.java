package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import java.time.Duration;

/**
 * Turns a panel into a result: HTTP, SQL. Implementations are shared by all runs and must be
 * thread-safe; each {@link #run} call happens on its own virtual thread.
 */
public interface Source extends AutoCloseable {

  /** True for the kind of spec this source runs. */
  boolean handles(SourceSpec spec);

  /**
   * Runs a panel whose variables are already resolved. Calls {@link RunContext#markStarted()} when
   * it holds what it waited for (e.g. a pooled connection) and reports progress as data arrives.
   *
   * @throws RunFailure for failures already put into words
   * @throws InterruptedException when cancelled while waiting
   */
  SourceOutput run(PanelSpec panel, RunContext context) throws Exception;

  /**
   * The name of the limit this run also takes besides the global one (e.g. "127.0.0.1:8080" for the
   * per-host limit), or null for none.
   */
  default String limitKey(PanelSpec panel) {
    return null;
  }

  /**
   * Why a panel whose variables are resolved cannot run (e.g. the URL a variable made is not one),
   * or null when it can.
   */
  default RunError checkResolved(PanelSpec resolved) {
    return null;
  }

  /** The longest the whole run may take before it is cancelled as timed out. */
  Duration timeout(PanelSpec panel);

  /** How many extra attempts are allowed after a retryable failure (0 for none). */
  default int retries(PanelSpec panel) {
    return 0;
  }

  /**
   * Opens up to {@code connections} connections ahead of a repeat run, so the timed runs measure
   * requests, not connection set-up (as pgbench and wrk do). Does nothing by default.
   */
  default void warmUp(PanelSpec panel, RunContext context, int connections) throws Exception {}

  /** Lets go of per-workspace resources (database pools) when another workspace is opened. */
  default void reset() {}

  /** Releases shared resources (clients, pools). */
  @Override
  default void close() {}
}
