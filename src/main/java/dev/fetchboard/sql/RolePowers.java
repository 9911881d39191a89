package dev.fetchboard.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connection's role can do that a read-only transaction does not stop: a superuser can run
 * programs and write files on the server (e.g. {@code copy … to program}, {@code lo_export});
 * CREATEROLE, BYPASSRLS and the pg_*_server_* roles reach past the tables. Asked once per
 * connection settings; a plain role has nothing to call out.
 */
final class RolePowers {
  private static final String QUERY =
      "select r.rolsuper, r.rolcreaterole, r.rolbypassrls,"
          + " pg_has_role(current_user, 'pg_execute_server_program', 'member'),"
          + " pg_has_role(current_user, 'pg_write_server_files', 'member')"
          + " from pg_roles r where r.rolname = current_user";

  private final Map<String, String> noticeByPool = new ConcurrentHashMap<>();

  /**
   * The notice for a run on {@code conn} opened with {@code settings}, or null for a plain role.
   */
  String notice(ConnectionSettings settings, Connection conn) {
    String key = settings.poolKey();
    String known = noticeByPool.get(key);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String found = describe(conn);
    noticeByPool.put(key, found == null ? "" : found);
    return found;
  }

  /**
   * The call-out for the role {@code conn} is logged in as, or null when it has no power worth
   * calling out (or the server cannot say).
   */
  static String describe(Connection conn) {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      if (!rs.next()) {
        return null;
      }
      if (rs.getBoolean(1)) {
        return "connected as a superuser: read-only does not stop `copy … to program`, lo_export"
            + " or other server-side functions that act outside the tables; use an ordinary role"
            + " for workspaces you share";
      }
      List<String> powers = new ArrayList<>();
      if (rs.getBoolean(2)) {
        powers.add("CREATEROLE");
      }
      if (rs.getBoolean(3)) {
        powers.add("BYPASSRLS");
      }
      if (rs.getBoolean(4)) {
        powers.add("pg_execute_server_program");
      }
      if (rs.getBoolean(5)) {
        powers.add("pg_write_server_files");
      }
      if (powers.isEmpty()) {
        return null;
      }
      return "connected as a role with "
          + String.join(", ", powers)
          + ": read-only does not stop what these allow outside the tables; use an ordinary role"
          + " for workspaces you share";
    } catch (SQLException e) {
      // An older or unusual server: nothing known, nothing claimed.
      return null;
    }
  }
}
