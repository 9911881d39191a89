package dev.fetchboard.sql;

import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.ConnectionSpec;

/**
 * Gives the connection of the embedded default database, which starts in the background: a
 * connection whose url is {@code embedded:} waits here (its panel shows "starting database…").
 */
public interface EmbeddedConnectionProvider {
  /** True once the database accepts connections. */
  boolean isReady();

  /** Waits until the database is ready and returns how to reach it. */
  ConnectionSpec await() throws InterruptedException, RunFailure;

  /**
   * Waits until the database is ready and returns how to reach it as the role a panel needs: one
   * that may only read unless the panel allows writes (least privilege for shared workspaces).
   */
  default ConnectionSpec await(boolean writes) throws InterruptedException, RunFailure {
    return await();
  }
}
