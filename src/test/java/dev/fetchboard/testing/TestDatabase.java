package dev.fetchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** One real embedded PostgreSQL per test JVM, in a temp folder, started on first use. */
public final class TestDatabase {
  private static EmbeddedPostgres server;
  private static Path dataDir;

  private TestDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        dataDir = Files.createTempDirectory("fetchboard-test-pg");
        server =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setServerConfig("fsync", "off")
                .setServerConfig("max_connections", "50")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  public static int port() {
    return server().getPort();
  }

  public static Path dataDir() {
    server();
    return dataDir;
  }

  /** A workspace connection URL for the postgres database as user postgres (trust auth). */
  public static String url() {
    return "postgresql://postgres@127.0.0.1:" + port() + "/postgres";
  }

  /** A workspace with one SQL panel, "rows", running {@code query} on this database. */
  public static dev.fetchboard.workspace.Workspace sqlWorkspace(String query) {
    return sqlWorkspace(dev.fetchboard.workspace.SqlQuerySpec.of("db", query));
  }

  /** A workspace with one SQL panel "rows" running {@code query} on connection "db". */
  public static dev.fetchboard.workspace.Workspace sqlWorkspace(
      dev.fetchboard.workspace.SqlQuerySpec query) {
    return dev.fetchboard.workspace.Workspace.named("sql")
        .withConnections(
            java.util.Map.of("db", dev.fetchboard.workspace.ConnectionSpec.ofUrl(url())))
        .withPanels(
            java.util.List.of(dev.fetchboard.workspace.PanelSpec.sql("rows", "rows", query)));
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres");
  }

  public static void execute(String... sql) throws SQLException {
    try (var c = connect();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM is going away
      }
    }
  }
}
