package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.SqlText;
import dev.fetchboard.sql.ToolConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The server's own verdict on a statement: it is prepared and described in a read-only transaction
 * that is rolled back, never executed. {@code :name} parameters go as {@code $n} padded to their
 * length, so the server's error position is a position in the text as written.
 */
public final class ServerCheck {
  private ServerCheck() {}

  /**
   * The server's complaint about the statement from {@code start} to {@code end} of {@code text}
   * (offsets in {@code text}), or null when the server accepts it.
   */
  public static SqlProblem describe(Connection c, String text, int start, int end)
      throws SQLException {
    String statement = text.substring(start, end);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(forDriver(statement))) {
      ps.getParameterMetaData();
      ps.getMetaData();
      return null;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e; // the connection failed: not a verdict on the statement
      }
      int at = ToolConnections.position(e);
      int from = at > 0 ? start + Math.min(at - 1, statement.length()) : start;
      int to = Math.min(end, from + Math.max(1, wordLength(text, from)));
      return new SqlProblem(from, to, ToolConnections.message(e));
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  /** The statement as pgjdbc must get it to send {@code statement} with $n for parameters. */
  static String forDriver(String statement) {
    var out = new StringBuilder(statement.length() + 8);
    int n = 0;
    int i = 0;
    while (i < statement.length()) {
      char c = statement.charAt(i);
      SqlText.Span skipped = SqlText.skippedAt(statement, i);
      int param = SqlText.parameterEnd(statement, i);
      if (skipped != null) {
        out.append(statement, i, skipped.end());
        i = Math.max(skipped.end(), i + 1);
      } else if (c == ':' && i + 1 < statement.length() && statement.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (c == '?') {
        out.append("??"); // pgjdbc sends one '?', the server sees the text as written
        i++;
      } else if (param > 0) {
        String dollar = "$" + ++n;
        out.append(dollar).append(" ".repeat(Math.max(0, param - i - dollar.length())));
        i = param;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int wordLength(String text, int from) {
    int i = from;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return i - from;
  }
}
