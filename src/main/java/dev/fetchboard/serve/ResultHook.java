package dev.fetchboard.serve;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;

/**
 * Called with every finished run, after metrics and the latest results are updated: the one place
 * where serve hands results on (alert rules, once dev.fetchboard.alerts exists). Called on engine
 * worker threads; must return quickly and not throw.
 */
@FunctionalInterface
public interface ResultHook {
  /** A hook that does nothing. */
  ResultHook NONE = (panel, result) -> {};

  void finished(PanelSpec panel, RunResult result);
}
