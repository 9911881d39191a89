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
import org.junit.jupiter.api.Test;

/**
 * With one pooled connection (maxConcurrency: 1), nothing one panel does to its session reaches the
 * next panel: role, search_path, settings, temp tables, prepared statements, LISTENs, advisory
 * locks and an open transaction. The connection is the same server process each time (checked by
 * its pid), so what is tested is the reset, not a new connection.
 */
class SessionResetTest {
  private static final String LOOK =
      "select current_user::text, current_setting('search_path'),"
          + " current_setting('fb.flag', true),"
          + " (select count(*) from pg_prepared_statements where name = 'leak_stmt'),"
          + " (select count(*) from pg_class where relnamespace = pg_my_temp_schema()),"
          + " (select count(*) from pg_listening_channels()),"
          + " (select count(*) from pg_locks where locktype = 'advisory'"
          + " and pid = pg_backend_pid()),"
          + " pg_backend_pid(), txid_current_if_assigned() is null";

  private static Engine engine;
  private static Workspace workspace;
  private static String defaultSearchPath;

  @BeforeAll
  static void setUp() throws Exception {
    TestDatabase.execute(
        "drop table if exists leak_rows",
        "drop schema if exists evil cascade",
        "drop role if exists fb_leak_app",
        "drop role if exists fb_leak_other",
        "create role fb_leak_other",
        "create role fb_leak_app login",
        "grant fb_leak_other to fb_leak_app",
        "create schema evil",
        "grant usage on schema evil to fb_leak_app, fb_leak_other",
        "create table leak_rows (id int)",
        "grant select, insert on leak_rows to fb_leak_app");
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
    String url = "postgresql://fb_leak_app@127.0.0.1:" + TestDatabase.port() + "/postgres";
    workspace =
        Workspace.named("leak")
            .withConnections(
                Map.of(
                    "one",
                    new ConnectionSpec(url, null, null, null, null, null, null, null, null, 1)));
    defaultSearchPath = (String) look(false).table().row(0)[1];
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  private static RunResult run(String query, boolean writes) throws InterruptedException {
    var panel = PanelSpec.sql("p", "p", SqlQuerySpec.of("one", query).withAllowWrites(writes));
    RunResult r = engine.run(workspace, panel, e -> {}).await().getFirst();
    assertThat(r.ok()).as("%s: %s", query, r.error()).isTrue();
    return r;
  }

  private static RunResult look(boolean writes) throws InterruptedException {
    return run(LOOK, writes);
  }

  private static void assertClean(RunResult r, Object pid) {
    Object[] row = r.table().row(0);
    assertThat(row[7]).as("the same server process").isEqualTo(pid);
    assertThat(row[0]).as("role").isEqualTo("fb_leak_app");
    assertThat(row[1]).as("search_path").isEqualTo(defaultSearchPath);
    assertThat(row[2]).as("a setting made with set_config").isIn(null, "");
    assertThat(row[3]).as("prepared statements").isEqualTo(0L);
    assertThat(row[4]).as("temp tables").isEqualTo(0L);
    assertThat(row[5]).as("LISTENs").isEqualTo(0L);
    assertThat(row[6]).as("advisory locks").isEqualTo(0L);
    assertThat(row[8])
        .as("no transaction left open by the panel before (it wrote, so it had an id)")
        .isEqualTo(true);
  }

  @Test
  void whatAPanelThatAllowsWritesDidToItsSessionDoesNotReachTheNextPanel() throws Exception {
    Object pid = run("select pg_backend_pid()", false).value();
    for (boolean nextWrites : new boolean[] {false, true}) {
      run(
          "create temp table leak_tmp (x int); prepare leak_stmt as select 1;"
              + " listen leak_channel; select pg_advisory_lock(4242);"
              + " select set_config('fb.flag', 'leaked', false);"
              + " set search_path = evil, public; set role fb_leak_other",
          true);
      assertClean(look(nextWrites), pid);
    }
  }

  @Test
  void aTransactionLeftOpenIsRolledBackNotCarriedIntoTheNextPanel() throws Exception {
    Object pid = run("select pg_backend_pid()", false).value();
    run("begin; insert into leak_rows values (1)", true);
    assertClean(look(false), pid);
    try (var c = TestDatabase.connect();
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from leak_rows")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void settingsAReadOnlyQueryChangesThroughAFunctionAreUndoneBeforeTheNextPanel() throws Exception {
    Object pid = run("select pg_backend_pid()", false).value();
    // set_config spelt so that no text check sees it, run by query_to_xml: a read-only query can
    // still change settings; the rollback that ends every read-only run undoes them.
    run(
        "select query_to_xml('select set_' || 'config(''search_path'', ''evil, public'', false),"
            + " set_' || 'config(''role'', ''fb_leak_other'', false),"
            + " set_' || 'config(''fb.flag'', ''leaked'', false)', true, false, '')",
        false);
    assertClean(look(false), pid);
    assertClean(look(true), pid);
  }
}
