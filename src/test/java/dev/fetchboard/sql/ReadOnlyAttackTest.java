package dev.fetchboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read-only panel tried as an attacker would, on an ordinary (non-superuser) role that may write
 * the table: every text below is refused or fails, and nothing is ever committed. Each ran and
 * committed its row before read-only panels were limited to one statement in a transaction they
 * cannot end.
 */
class ReadOnlyAttackTest {
  private static Engine engine;
  private static Workspace workspace;

  @BeforeAll
  static void setUp() throws Exception {
    TestDatabase.execute(
        "drop table if exists attack",
        "drop procedure if exists attack_commits()",
        "drop function if exists attack_sets()",
        "drop role if exists fb_attacker",
        "create role fb_attacker login",
        "create table attack (id int)",
        "grant select, insert on attack to fb_attacker",
        // A procedure already in the database that commits and reopens a writable transaction.
        "create procedure attack_commits() language plpgsql as $$ begin commit;"
            + " set transaction read write; insert into attack values (100); commit; end $$",
        "grant execute on procedure attack_commits() to fb_attacker");
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
    String url = "postgresql://fb_attacker@127.0.0.1:" + TestDatabase.port() + "/postgres";
    workspace =
        Workspace.named("attack")
            .withConnections(
                Map.of(
                    "app",
                    new ConnectionSpec(url, null, null, null, null, null, null, null, null, 1)));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @BeforeEach
  void empty() throws Exception {
    TestDatabase.execute("truncate attack");
  }

  private static RunResult run(String query) throws InterruptedException {
    var panel = PanelSpec.sql("p", "p", SqlQuerySpec.of("app", query));
    return engine.run(workspace, panel, e -> {}).await().getFirst();
  }

  private static long committedRows() throws Exception {
    try (var c = TestDatabase.connect();
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from attack")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "set transaction read write; insert into attack values (1)",
        "commit; begin read write; insert into attack values (2); commit",
        "reset all; commit; insert into attack values (3)",
        "select set_config('default_transaction_read_only','off',false); commit;"
            + " insert into attack values (4)",
        "select 1; insert into attack values (5)",
        "end; start transaction read write; insert into attack values (6); commit",
        "rollback; set session characteristics as transaction read write;"
            + " insert into attack values (7)",
        "abort; insert into attack values (8)",
        "savepoint s; release s; commit; insert into attack values (9)",
        "-- a comment first\ncommit;\ninsert into attack values (10)",
        "/* nested /* comment */ still a comment */ commit; insert into attack values (11)",
        "call attack_commits()",
        "do $$ begin commit; set transaction read write; insert into attack values (12); commit;"
            + " end $$",
        "insert into attack values (13)",
        "with w as (insert into attack values (14) returning id) select * from w",
        "select * from attack; commit; insert into attack values (15)"
      })
  void nothingIsCommittedAndTheMessageSaysWhatLiftsIt(String attack) throws Exception {
    RunResult r = run(attack);
    assertThat(r.ok()).as("%s ran", attack).isFalse();
    assertThat(r.error().message()).contains("read-only").contains("allowWrites: true");
    // The next read-only run finds its connection read-only still.
    RunResult next = run("insert into attack values (99)");
    assertThat(next.ok()).isFalse();
    assertThat(committedRows()).as("rows committed by %s", attack).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "set default_transaction_read_only = off",
        "set session characteristics as transaction read write",
        "select set_config('default_transaction_read_only', 'off', false)",
        "select pg_catalog.SET_CONFIG('default_transaction_read_only', 'off', false)",
        "reset all",
        "begin",
        "start transaction read write",
        "commit",
        "set role fb_attacker",
        "set session authorization default",
        "discard all",
        "listen x",
        "prepare transaction 'x'",
        "copy attack from program 'true'",
        "copy (select 1) to '/tmp/fetchboard-attack'",
        "lock attack",
        "vacuum attack"
      })
  void aStatementThatChangesTheTransactionOrSessionIsRefusedBeforeItIsSent(String statement)
      throws Exception {
    RunResult r = run(statement);
    assertThat(r.ok()).as("%s ran", statement).isFalse();
    assertThat(r.error().message()).contains("read-only panel").contains("allowWrites: true");
    assertThat(run("insert into attack values (98)").ok()).isFalse();
    assertThat(committedRows()).isZero();
  }
}
