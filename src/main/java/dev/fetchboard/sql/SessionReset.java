package dev.fetchboard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Gives a connection back to the pool as the next panel expects it: no transaction left open, and
 * after a panel that allows writes, a session with nothing of that panel's left in it (DISCARD ALL:
 * settings, role, session authorization, temp tables, prepared statements, cursors, LISTENs,
 * advisory locks). A read-only run needs no DISCARD: it may only run one statement in a read-only
 * transaction that is rolled back, which undoes any setting it changed.
 */
final class SessionReset {
  private SessionReset() {}

  /**
   * Resets {@code conn} after a run.
   *
   * @return false when the reset failed and the connection must not be used again
   */
  static boolean afterRun(Connection conn, boolean writesAllowed, SessionSettings session) {
    try {
      BaseConnection pg = conn.unwrap(BaseConnection.class);
      if (pg.getTransactionState() != TransactionState.IDLE) {
        // A failed statement, or a write panel's own BEGIN without COMMIT: nothing of it is kept.
        if (conn.getAutoCommit()) {
          try (Statement s = conn.createStatement()) {
            s.execute("ROLLBACK");
          }
        } else {
          conn.rollback();
        }
      }
      if (!conn.getAutoCommit()) {
        conn.setAutoCommit(true);
      }
      if (writesAllowed) {
        try (Statement s = conn.createStatement()) {
          s.execute("DISCARD ALL");
        }
        session.forget(conn);
      }
      return pg.getTransactionState() == TransactionState.IDLE;
    } catch (SQLException e) {
      return false;
    }
  }
}
