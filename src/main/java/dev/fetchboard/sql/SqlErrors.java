package dev.fetchboard.sql;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Puts database failures into words: PostgreSQL's message, its SQLSTATE and where it points. */
final class SqlErrors {
  private SqlErrors() {}

  static RunFailure describe(Throwable e, ConnectionSettings where, String sql) {
    SQLException sqlError = find(e, SQLException.class);
    Throwable root = root(e);
    String target = where.host() + ":" + where.port();
    if (root instanceof UnknownHostException) {
      return failure(ErrorKind.CONNECTION, "cannot resolve host '" + where.host() + "'", e);
    }
    if (root instanceof ConnectException) {
      return failure(
          ErrorKind.CONNECTION, "cannot connect to " + target + ": connection refused", e);
    }
    if (root instanceof NoRouteToHostException || root instanceof SocketTimeoutException) {
      return failure(ErrorKind.CONNECTION, "cannot connect to " + target + ": host unreachable", e);
    }
    String tls = TlsFailures.describe(e, where);
    if (tls != null) {
      return failure(ErrorKind.CONNECTION, tls, e);
    }
    if (sqlError == null) {
      return failure(ErrorKind.QUERY, String.valueOf(e.getMessage()), e);
    }
    String state = sqlError.getSQLState() == null ? "" : sqlError.getSQLState();
    ServerErrorMessage server =
        sqlError instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String message =
        server != null && server.getMessage() != null
            ? server.getMessage()
            : firstLine(sqlError.getMessage());
    return switch (state) {
      case "28P01", "28000" -> failure(ErrorKind.AUTH, message + " (SQLSTATE " + state + ")", e);
      case "3D000" ->
          failure(ErrorKind.CONNECTION, message + " on " + target + " (SQLSTATE 3D000)", e);
      case "25006" ->
          failure(
              ErrorKind.QUERY,
              "this panel is read-only and the query tried to write ("
                  + message
                  + "); set allowWrites: true to let it",
              e);
      case "57P01", "57P02", "57P03" ->
          // Shutdown, crash or start-up: the pool drops the connection, so the next run reconnects.
          failure(
              ErrorKind.CONNECTION,
              "the server at "
                  + target
                  + " is restarting or shutting down ("
                  + message
                  + ", SQLSTATE "
                  + state
                  + "); the next run reconnects",
              e);
      case "57014" ->
          failure(ErrorKind.TIMEOUT, "the statement timed out on the server (" + message + ")", e);
      default -> {
        if (state.startsWith("08")) {
          yield failure(ErrorKind.CONNECTION, "cannot connect to " + target + ": " + message, e);
        }
        var sb = new StringBuilder(message);
        if (!state.isEmpty()) {
          sb.append(" (SQLSTATE ").append(state);
          if (server != null && server.getPosition() > 0 && sql != null) {
            sb.append(", ").append(position(sql, server.getPosition()));
          }
          sb.append(')');
        }
        if (server != null && server.getHint() != null) {
          sb.append(". Hint: ").append(server.getHint());
        }
        yield failure(ErrorKind.QUERY, sb.toString(), e);
      }
    };
  }

  /** "at line 2, column 8" for a 1-based character position in the SQL text. */
  static String position(String sql, int position) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "at line " + line + ", column " + column;
  }

  private static RunFailure failure(ErrorKind kind, String message, Throwable e) {
    return new RunFailure(new RunError(kind, message, String.valueOf(e)), false, e);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "database error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
