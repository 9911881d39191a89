package dev.fetchboard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * The session settings a run needs on its pooled connection, statement_timeout and whether
 * transactions are read-only by default, set in one round trip when they differ from what the
 * connection has and not at all otherwise (the common case: the same panel again).
 */
final class SessionSettings {
  private record State(long timeoutMillis, boolean readOnly) {}

  private final Map<PGConnection, State> byConnection =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Makes the session of {@code conn} match. Done outside a transaction, so a rollback cannot undo
   * it behind this cache's back. A read-only run also begins its own read-only transaction: this
   * default is a second fence, not the only one.
   */
  void apply(Connection conn, long timeoutMillis, boolean readOnly) throws SQLException {
    PGConnection physical = conn.unwrap(PGConnection.class);
    // The server reports every change of this setting with the reply that made it, so this is the
    // session's value now, without asking.
    String reported = physical.getParameterStatus("default_transaction_read_only");
    var wanted = new State(timeoutMillis, readOnly);
    boolean readOnlyHolds = reported == null || reported.equals(readOnly ? "on" : "off");
    if (!wanted.equals(byConnection.get(physical)) || !readOnlyHolds) {
      try (Statement s = conn.createStatement()) {
        s.execute(
            "SET statement_timeout = "
                + timeoutMillis
                + "; SET default_transaction_read_only = "
                + (readOnly ? "on" : "off"));
      }
      byConnection.put(physical, wanted);
    }
  }

  /**
   * Forgets what {@code conn}'s session had: it was reset (DISCARD ALL) to the server's defaults.
   */
  void forget(Connection conn) throws SQLException {
    byConnection.remove(conn.unwrap(PGConnection.class));
  }
}
