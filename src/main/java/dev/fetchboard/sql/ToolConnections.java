package dev.fetchboard.sql;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.Variables;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;

/**
 * Opens single read-only connections outside the run pools, for the SQL editor's tools (schema
 * catalog, "Check on server") and {@code fetchboard check}: the same settings a panel's run uses,
 * and the embedded database's read-only role.
 */
public final class ToolConnections {
  private final EmbeddedConnectionProvider embedded;
  private final Map<String, String> env;
  private final Path pgpass;

  /** Tool connections as this user's psql would make them (PG* variables, ~/.pgpass). */
  public ToolConnections(EmbeddedConnectionProvider embedded) {
    this(embedded, System.getenv(), defaultPgpass(System.getenv()));
  }

  ToolConnections(EmbeddedConnectionProvider embedded, Map<String, String> env, Path pgpass) {
    this.embedded = embedded;
    this.env = Map.copyOf(env);
    this.pgpass = pgpass;
  }

  /** A target a tool may connect to: its identity (for caches) and a way to open it. */
  public record Target(String name, String key, String describe, ConnectionSpec spec) {}

  /**
   * The connection named {@code name} of {@code workspace}, resolved; waits for the embedded
   * database when the connection is {@code embedded:}.
   */
  public Target target(Workspace workspace, String name) throws RunFailure, InterruptedException {
    ConnectionSpec spec = workspace.connections().get(name);
    if (spec == null) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "no connection named '" + name + "'");
    }
    if (spec.url() != null && spec.url().strip().startsWith("embedded:")) {
      if (embedded == null) {
        throw new RunFailure(
            ErrorKind.CONNECTION,
            "connection '" + name + "' is the embedded database, which only the window starts");
      }
      spec = embedded.await(false);
    } else {
      try {
        spec = new PanelResolver(Variables.of(workspace)).resolve(name, spec);
      } catch (Variables.UnknownVariableException e) {
        throw new RunFailure(ErrorKind.INVALID_INPUT, e.getMessage());
      }
    }
    ConnectionSettings settings;
    try {
      settings = ConnectionSettings.of(spec, env, pgpass);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "connection '" + name + "': " + e.getMessage());
    }
    return new Target(name, settings.poolKey(), settings.describe(), spec);
  }

  /** Opens one read-only connection to {@code target}; the caller closes it. */
  public Connection open(Target target) throws RunFailure {
    ConnectionSettings settings = ConnectionSettings.of(target.spec(), env, pgpass);
    try {
      Connection c = ConnectionPools.direct(settings);
      c.setReadOnly(true);
      return c;
    } catch (SQLException e) {
      throw SqlErrors.describe(e, settings, null);
    }
  }

  /** The server's own words for a failure of a tool's statement (no driver prefixes). */
  public static String message(SQLException e) {
    if (e instanceof PSQLException p
        && p.getServerErrorMessage() != null
        && p.getServerErrorMessage().getMessage() != null) {
      return p.getServerErrorMessage().getMessage();
    }
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }

  /** Where in the statement the server says the error is: a 1-based char index, or 0. */
  public static int position(SQLException e) {
    return e instanceof PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getPosition()
        : 0;
  }

  private static Path defaultPgpass(Map<String, String> env) {
    String file = env.get("PGPASSFILE");
    return file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".pgpass");
  }
}
