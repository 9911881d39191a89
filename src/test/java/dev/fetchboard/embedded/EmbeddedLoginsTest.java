package dev.fetchboard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets into the embedded server, and as which role: no one without a password, ever. */
class EmbeddedLoginsTest {
  @TempDir Path dir;

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Logs in as {@code user} with {@code password} (none when null) over TCP until {@code stop},
   * noting who got in and how often the server itself answered (not just refused the connection).
   */
  private static Thread attacker(
      int port,
      String user,
      String password,
      AtomicBoolean stop,
      Queue<String> admitted,
      AtomicInteger answered) {
    return Thread.ofPlatform()
        .start(
            () -> {
              var props = new Properties();
              props.setProperty("user", user);
              if (password != null) {
                props.setProperty("password", password);
              }
              props.setProperty("connectTimeout", "2");
              String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
              for (int i = 0; i < 20_000 && !stop.get(); i++) {
                try {
                  DriverManager.getConnection(url, props).close();
                  admitted.add(user + " with " + (password == null ? "no password" : password));
                } catch (SQLException e) {
                  if (!"08001".equals(e.getSQLState())) {
                    answered.incrementAndGet(); // the server was up and said no
                  }
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }

  @Test
  void loginsRacingTheVeryFirstStartNeverGetIn() throws Exception {
    int port = freePort();
    var stop = new AtomicBoolean();
    Queue<String> admitted = new ConcurrentLinkedQueue<>();
    var answered = new AtomicInteger();
    List<Thread> attackers = new ArrayList<>();
    attackers.add(attacker(port, "postgres", null, stop, admitted, answered));
    attackers.add(attacker(port, "postgres", "wrong", stop, admitted, answered));
    try (var db = new EmbeddedDatabase(dir.resolve("pg"), 100).onPort(port).startInBackground()) {
      assertThat(db.await().port()).isEqualTo(port);
    } finally {
      stop.set(true);
      for (Thread t : attackers) {
        t.join();
      }
    }
    assertThat(admitted).isEmpty();
    // The race ran: the server answered logins while it started (else this test proves nothing).
    assertThat(answered.get()).isPositive();
  }

  @Test
  void loginsRacingTheStartAfterThePasswordFileWasLostNeverGetIn() throws Exception {
    Path data = dir.resolve("pg");
    int port = freePort();
    try (var db = new EmbeddedDatabase(data, 100).onPort(port).startInBackground()) {
      db.await();
    }
    Files.delete(ServerLogin.passwordFile(data));
    var stop = new AtomicBoolean();
    Queue<String> admitted = new ConcurrentLinkedQueue<>();
    var answered = new AtomicInteger();
    List<Thread> attackers = new ArrayList<>();
    attackers.add(attacker(port, "postgres", null, stop, admitted, answered));
    attackers.add(attacker(port, "postgres", "wrong", stop, admitted, answered));
    try (var db = new EmbeddedDatabase(data, 100).onPort(port).startInBackground()) {
      RunResult read = panel(db, "select count(*) from customers", false);
      assertThat(read.ok()).as(String.valueOf(read.error())).isTrue();
    } finally {
      stop.set(true);
      for (Thread t : attackers) {
        t.join();
      }
    }
    assertThat(admitted).isEmpty();
    assertThat(answered.get()).isPositive();
  }

  /** Runs {@code sql} as a panel on the embedded database, allowed to write or not. */
  private static RunResult panel(EmbeddedDatabase db, String sql, boolean allowWrites)
      throws Exception {
    var ws =
        Workspace.named("sample")
            .withConnections(Map.of("sample", ConnectionSpec.ofUrl("embedded:")));
    var panel =
        PanelSpec.sql("n", "n", SqlQuerySpec.of("sample", sql).withAllowWrites(allowWrites));
    try (var engine =
        new Engine(EngineConfig.DEFAULT, List.of(new SqlSource(db, Map.of(), Path.of("/none"))))) {
      return engine.run(ws, panel, new Panels.Recorder()).await().getFirst();
    }
  }

  private static java.sql.Connection connect(int port, String database, Properties login)
      throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, login);
  }

  private static Properties login(String user, String password) {
    var props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return props;
  }

  private static long scalar(EmbeddedDatabase db, String sql) throws Exception {
    try (var c = connect(db.await().port(), "sample", db.admin());
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean logsIn(int port, String user, String password) {
    try {
      connect(port, "sample", login(user, password)).close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Writes a read panel might try; each committed a row on a role allowed to write (issue 16). */
  private static final List<String> WRITES =
      List.of(
          "set transaction read write; insert into customers values (-1, 'x', 'x', 'x', now())",
          "commit; begin read write; insert into customers values (-2, 'x', 'x', 'x', now());"
              + " commit",
          "reset all; commit; insert into customers values (-3, 'x', 'x', 'x', now())",
          "select set_config('default_transaction_read_only', 'off', false); commit;"
              + " insert into customers values (-4, 'x', 'x', 'x', now())",
          "set default_transaction_read_only = off; update customers set name = 'x' where id = 1",
          "delete from events where id = 1",
          "create table made_by_a_read_panel (id int)",
          "create temp table scratch (id int)");

  @Test
  void aReadPanelCannotWriteWhateverItsSqlSaysAndAPanelThatAllowsWritesCan() throws Exception {
    try (var db = new EmbeddedDatabase(dir.resolve("pg"), 100).startInBackground()) {
      ConnectionSpec reader = db.await(false);
      assertThat(reader.user()).isEqualTo(SampleDatabase.READER);
      long customers = scalar(db, "select count(*) from customers");
      for (String sql : WRITES) {
        RunResult r = panel(db, sql, false);
        assertThat(r.ok()).as(sql).isFalse();
        // The role itself, on its own connection (whatever a panel's checks refuse first).
        try (var c = connect(reader.port(), "sample", login(reader.user(), reader.password()));
            var s = c.createStatement()) {
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute(sql))
              .as(sql)
              .hasMessageMatching("(?s).*(permission denied|read-only transaction).*");
        }
      }
      assertThat(scalar(db, "select count(*) from customers")).isEqualTo(customers);
      assertThat(scalar(db, "select count(*) from customers where name = 'x'")).isZero();
      assertThat(scalar(db, "select count(*) from events where id = 1")).isOne();
      assertThat(scalar(db, "select count(*) from pg_class where relname like 'made_by%'"))
          .isZero();
      // The catalog says the same: the read-only role may select and nothing else.
      assertThat(
              scalar(
                  db,
                  "select count(*) from information_schema.role_table_grants"
                      + " where grantee = 'fetchboard_reader' and privilege_type <> 'SELECT'"))
          .isZero();
      assertThat(
              scalar(
                  db,
                  "select count(*) from (values (has_database_privilege('fetchboard_reader',"
                      + " 'sample', 'create')), (has_database_privilege('fetchboard_reader',"
                      + " 'sample', 'temporary')), (has_schema_privilege('fetchboard_reader',"
                      + " 'public', 'create'))) v(allowed) where allowed"))
          .isZero();

      RunResult insert =
          panel(db, "insert into customers values (-10, 'w', 'w', 'w', now())", true);
      RunResult create = panel(db, "create table made_by_a_write_panel (id int)", true);
      assertThat(insert.ok()).as(String.valueOf(insert.error())).isTrue();
      assertThat(create.ok()).as(String.valueOf(create.error())).isTrue();
      assertThat(scalar(db, "select count(*) from customers")).isEqualTo(customers + 1);
      // What the owner makes later, read panels may read.
      RunResult read = panel(db, "select count(*) from made_by_a_write_panel", false);
      assertThat(read.ok()).as(String.valueOf(read.error())).isTrue();
    }
  }

  @Test
  void eachRoleHasItsOwnPasswordAndTheUriForPsqlIsTheReadOnlyRoles() throws Exception {
    Path data = dir.resolve("pg");
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      ConnectionSpec reader = db.await(false);
      ConnectionSpec owner = db.await(true);
      String superuser = db.admin().getProperty("password");
      assertThat(List.of(superuser, owner.password(), reader.password())).doesNotHaveDuplicates();
      assertThat(owner.user()).isEqualTo(SampleDatabase.ROLE);
      assertThat(db.psqlUri())
          .startsWith("postgresql://fetchboard_reader:" + reader.password() + "@127.0.0.1:");
      int port = reader.port();
      assertThat(logsIn(port, "fetchboard_reader", reader.password())).isTrue();
      assertThat(logsIn(port, "postgres", reader.password())).isFalse();
      assertThat(logsIn(port, "fetchboard", reader.password())).isFalse();
      assertThat(logsIn(port, "postgres", owner.password())).isFalse();
      assertThat(logsIn(port, "fetchboard_reader", null)).isFalse();
      // The file beside the folder holds the three, for the owner's eyes only.
      assertThat(Files.readString(ServerLogin.passwordFile(data)))
          .contains(superuser, owner.password(), reader.password());
      assertThat(Files.getPosixFilePermissions(ServerLogin.passwordFile(data)))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      assertThat(data.resolveSibling("pg.initdb-password")).doesNotExist();
    }
  }

  @Test
  void foldersOfOlderFetchboardsGetThreePasswordsAndTheReadOnlyRole() throws Exception {
    Path data = dir.resolve("pg");
    Path passwordFile = ServerLogin.passwordFile(data);
    String shared = "sharedByAnOlderFetchboard0123456789";
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      int port = db.await().port();
      // What the previous Fetchboard left: one password for both roles, no read-only role.
      try (var c = connect(port, "sample", db.admin());
          var s = c.createStatement()) {
        s.execute("drop owned by fetchboard_reader");
        s.execute("drop role fetchboard_reader");
        s.execute("alter role fetchboard password '" + shared + "'");
        s.execute("alter role postgres password '" + shared + "'");
      }
    }
    Files.writeString(passwordFile, shared + "\n");
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      RunResult read = panel(db, "select count(*) from customers", false);
      assertThat(read.ok()).as(String.valueOf(read.error())).isTrue();
      assertThat(db.await(false).user()).isEqualTo(SampleDatabase.READER);
      assertThat(panel(db, WRITES.getFirst(), false).ok()).isFalse();
      int port = db.await().port();
      assertThat(logsIn(port, "postgres", shared)).isFalse();
      assertThat(logsIn(port, "fetchboard", shared)).isFalse();
      var saved = RolePasswords.read(passwordFile);
      assertThat(saved.legacy()).isFalse();
      assertThat(List.of(saved.superuser(), saved.owner(), saved.reader(), shared))
          .doesNotHaveDuplicates();
    }
    // Older still: made before Fetchboard set passwords (initdb's trust for every local login).
    Files.delete(passwordFile);
    Files.writeString(data.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      RunResult read = panel(db, "select count(*) from customers", false);
      assertThat(read.ok()).as(String.valueOf(read.error())).isTrue();
      int port = db.await().port();
      for (String role : List.of("postgres", "fetchboard", "fetchboard_reader")) {
        assertThat(logsIn(port, role, null)).as(role).isFalse();
      }
      assertThat(RolePasswords.read(passwordFile).legacy()).isFalse();
    }
  }

  @Test
  void aPasswordFileThatNoLongerOpensTheServerSaysHowToRecover() throws Exception {
    Path data = dir.resolve("pg");
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      try (var c = connect(db.await().port(), "postgres", db.admin());
          var s = c.createStatement()) {
        s.execute("alter role postgres password 'changedOutsideFetchboard0123456789'");
      }
    }
    try (var db = new EmbeddedDatabase(data, 100).startInBackground()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(db::await)
          .hasMessageContaining(ServerLogin.passwordFile(data).toString())
          .hasMessageContaining("delete that file");
    } finally {
      // The library leaves the server it could not log in to running (and its lock held in this
      // JVM): the next start, a new process, stops it as orphaned. Here the test does that, and
      // the start after a deleted file is EmbeddedDatabaseTest's lost-file test.
      EmbeddedDatabase.stopOrphanedServer(data);
    }
  }
}
