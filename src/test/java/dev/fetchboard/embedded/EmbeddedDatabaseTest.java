package dev.fetchboard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: starts in the background, creates the sample once, keeps its data. */
class EmbeddedDatabaseTest {
  @TempDir Path dir;

  private static RunResult count(EmbeddedDatabase db, Panels.Recorder rec) throws Exception {
    return query(db, rec, "select count(*) from orders");
  }

  private static RunResult query(EmbeddedDatabase db, Panels.Recorder rec, String sql)
      throws Exception {
    var ws =
        Workspace.named("sample")
            .withConnections(Map.of("sample", ConnectionSpec.ofUrl("embedded:")));
    var panel = PanelSpec.sql("n", "n", SqlQuerySpec.of("sample", sql));
    try (var engine =
        new Engine(EngineConfig.DEFAULT, List.of(new SqlSource(db, Map.of(), Path.of("/none"))))) {
      return engine.run(ws, panel, rec).await().getFirst();
    }
  }

  @Test
  void panelsWaitForTheDatabaseThenQueryTheSampleWhichSurvivesARestart() throws Exception {
    Path data = dir.resolve("pg");
    var rec = new Panels.Recorder();
    try (var db = new EmbeddedDatabase(data, 2000).startInBackground()) {
      RunResult r = count(db, rec);
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(r.value()).isEqualTo(2000L);
      assertThat(db.psqlUri())
          .matches(
              "postgresql://fetchboard_reader:[A-Za-z0-9_-]{32}@127\\.0\\.0\\.1:[0-9]+/sample");
    }
    assertThat(rec.events)
        .anyMatch(
            e -> e instanceof RunEvent.Queued q && "starting database…".equals(q.waitingFor()));
    try (var db = new EmbeddedDatabase(data, 5).startInBackground()) {
      // Reused: the sample made on the first start is still there (not regenerated with 5 orders).
      assertThat(count(db, new Panels.Recorder()).value()).isEqualTo(2000L);
    }
  }

  @Test
  void aSharedWorkspaceCannotRunProgramsOrReadFilesThroughTheEmbeddedDatabase() throws Exception {
    Path marker = dir.resolve("ran");
    try (var db = new EmbeddedDatabase(dir.resolve("pg"), 100).startInBackground()) {
      // As a superuser this would run the shell command as the user running Fetchboard.
      // With allowWrites, so that the role's missing privilege stops it (a read-only panel refuses
      // every copy before sending it).
      RunResult program =
          queryAllowingWrites(
              db, "copy (select 1) to program 'touch " + marker.toAbsolutePath() + "'");
      RunResult file = query(db, new Panels.Recorder(), "select pg_read_file('PG_VERSION')");
      RunResult owned = query(db, new Panels.Recorder(), "select count(*) from customers");

      assertThat(program.ok()).isFalse();
      assertThat(program.error().message()).contains("permission denied");
      assertThat(marker).doesNotExist();
      assertThat(file.ok()).isFalse();
      assertThat(file.error().message()).contains("permission denied");
      // The sample's tables are the role's own.
      assertThat(owned.ok()).as(String.valueOf(owned.error())).isTrue();
    }
  }

  private static RunResult queryAllowingWrites(EmbeddedDatabase db, String sql) throws Exception {
    var ws =
        Workspace.named("sample")
            .withConnections(Map.of("sample", ConnectionSpec.ofUrl("embedded:")));
    var panel = PanelSpec.sql("w", "w", SqlQuerySpec.of("sample", sql).withAllowWrites(true));
    try (var engine =
        new Engine(EngineConfig.DEFAULT, List.of(new SqlSource(db, Map.of(), Path.of("/none"))))) {
      return engine.run(ws, panel, new Panels.Recorder()).await().getFirst();
    }
  }

  /** Whether {@code user} gets in without a password (initdb's default for local clients). */
  private static boolean logsInWithoutPassword(int port, String user) {
    var props = new java.util.Properties();
    props.setProperty("user", user);
    try {
      java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/sample", props)
          .close();
      return true;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  @Test
  void onlyAClientWithThePasswordBesideTheFolderLogsInEvenAfterThatFileIsLost() throws Exception {
    Path data = dir.resolve("pg");
    Path passwordFile = ServerLogin.passwordFile(data);
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      int port = db.await().port();
      assertThat(logsInWithoutPassword(port, "postgres")).isFalse();
      assertThat(logsInWithoutPassword(port, "fetchboard")).isFalse();
      assertThat(java.nio.file.Files.getPosixFilePermissions(passwordFile))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    String first = java.nio.file.Files.readString(passwordFile);
    java.nio.file.Files.delete(passwordFile);
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      RunResult r = count(db, new Panels.Recorder());
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(java.nio.file.Files.readString(passwordFile)).isNotEqualTo(first);
      assertThat(logsInWithoutPassword(db.await().port(), "postgres")).isFalse();
    }
  }

  @Test
  void tablesMadeAsTheSuperuserInAnOlderSampleAreHandedOverOnTheNextStart() throws Exception {
    Path data = dir.resolve("pg");
    int port;
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      port = db.await().port();
      try (var c =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:" + port + "/sample", db.admin());
          var s = c.createStatement()) {
        // What an older Fetchboard (panels as the superuser) or a benchmark's pgbench left.
        s.execute("create table made_earlier (id int)");
        s.execute("alter table customers owner to postgres");
      }
    }
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      RunResult r =
          query(
              db,
              new Panels.Recorder(),
              "select (select count(*) from made_earlier) + (select count(*) from customers)");
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    }
  }

  @Test
  void aSecondFetchboardUsesTheRunningServerAndLeavingDoesNotStopIt() throws Exception {
    Path data = dir.resolve("pg");
    try (var first = new EmbeddedDatabase(data, 300).startInBackground()) {
      String firstUri = first.psqlUri(); // the first owns the folder before the second starts
      try (var second = new EmbeddedDatabase(data, 300).startInBackground()) {
        RunResult r = count(second, new Panels.Recorder());
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        assertThat(r.value()).isEqualTo(300L);
        assertThat(second.psqlUri()).isEqualTo(firstUri);
      }
      // The second one left; the first one's server must still answer.
      RunResult after = count(first, new Panels.Recorder());
      assertThat(after.ok()).as(String.valueOf(after.error())).isTrue();
    }
  }

  @Test
  void whenTheOwnerQuitsASecondFetchboardTakesTheServerOverAndItsPanelsKeepWorking()
      throws Exception {
    Path data = dir.resolve("pg");
    var first = new EmbeddedDatabase(data, 300).startInBackground();
    try (var second = new EmbeddedDatabase(data, 300)) {
      first.psqlUri(); // the first owns the folder before the second starts
      second.startInBackground();
      assertThat(count(second, new Panels.Recorder()).ok()).isTrue();
      first.close(); // the owner quits: its server stops with it
      RunResult r = count(second, new Panels.Recorder());
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(r.value()).isEqualTo(300L);
      // The second one owns the folder now: a third shares its server.
      try (var third = new EmbeddedDatabase(data, 300).startInBackground()) {
        assertThat(third.psqlUri()).isEqualTo(second.psqlUri());
      }
    } finally {
      first.close();
    }
  }

  /** Run in a child JVM: starts the database, says so, and waits to be killed. */
  public static final class CrashingApp {
    public static void main(String[] args) throws Exception {
      new EmbeddedDatabase(Path.of(args[0]), 100).startInBackground().await();
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  @Test
  void aServerLeftRunningByACrashedRunIsStoppedAndTheDatabaseStartsAgain() throws Exception {
    Path data = dir.resolve("pg");
    var child =
        dev.fetchboard.testing.ChildJvm.start(List.of(), CrashingApp.class, data.toString());
    // A child that fails before saying "ready" may still be alive: never wait on it for ever.
    java.util.concurrent.CompletableFuture.delayedExecutor(3, java.util.concurrent.TimeUnit.MINUTES)
        .execute(child::destroyForcibly);
    try (var out =
        new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.contains("ready")) {
        // wait for the database to be up
      }
    }
    // The crash: the app dies at once and its PostgreSQL is left running on the folder.
    child.destroyForcibly().waitFor();
    assertThat(java.nio.file.Files.exists(data.resolve("postmaster.pid"))).isTrue();
    try (var again = new EmbeddedDatabase(data, 100).startInBackground()) {
      RunResult r = count(again, new Panels.Recorder());
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(r.value()).isEqualTo(100L);
    }
  }
}
