package dev.fetchboard.serve;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;

/**
 * Told of every finished run, after metrics and the latest results are updated: the one place where
 * serve hands results on (the workspace's alerts, see {@link AlertsHook}). Called on engine worker
 * threads; must return quickly and not throw.
 */
public interface ResultHook extends AutoCloseable {
  /** A hook that does nothing. */
  ResultHook NONE = (panel, result) -> {};

  void finished(PanelSpec panel, RunResult result);

  /** Serve runs {@code ws} from now on (at start and after each reload). */
  default void workspaceChanged(Workspace ws) {}

  /** Serve is stopping: finish what is under way (briefly). */
  @Override
  default void close() {}
}
