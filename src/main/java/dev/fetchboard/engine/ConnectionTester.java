package dev.fetchboard.engine;

import dev.fetchboard.workspace.ConnectionSpec;

/** A source that can try a workspace connection on its own ("Test connection" in a dialog). */
public interface ConnectionTester {

  /** True for the kind of connection this source can test (e.g. a redis:// URL). */
  boolean tests(ConnectionSpec resolved);

  /**
   * Opens one connection outside any pool and reports the server's version, or why it failed.
   *
   * @param resolved a connection whose variables are resolved
   */
  ConnectionCheck testConnection(ConnectionSpec resolved);
}
