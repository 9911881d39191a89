package dev.fetchboard.sql;

import static dev.fetchboard.testing.Payloads.changed;
import static dev.fetchboard.testing.Payloads.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.JsonText;
import dev.fetchboard.engine.Outcome;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL panels through the real engine on a real embedded PostgreSQL. */
class SqlEngineTest {
  private static Engine engine;
  private static Workspace workspace;

  @BeforeAll
  static void setUp() throws Exception {
    TestDatabase.execute(
        "drop table if exists items",
        "create table items (id int primary key, name text)",
        "insert into items values (1, 'one'), (2, 'two'), (3, '')");
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
    workspace =
        Workspace.named("sql")
            .withConnections(
                Map.of(
                    "db",
                    ConnectionSpec.ofUrl(TestDatabase.url()),
                    "single",
                    new ConnectionSpec(
                        TestDatabase.url(), null, null, null, null, null, null, null, null, 1)));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Test
  void theEngineTestsAConnectionWithItsVariablesResolvedAndNoPanel() {
    var check = engine.testConnection(workspace, "db", ConnectionSpec.ofUrl(TestDatabase.url()));
    assertThat(check.ok()).as(check.message()).isTrue();
    assertThat(check.message()).contains("PostgreSQL");
    var unknown =
        engine.testConnection(workspace, "db", ConnectionSpec.ofUrl("${nowhere_to_be_found}"));
    assertThat(unknown.ok()).isFalse();
    assertThat(unknown.message()).contains("nowhere_to_be_found");
  }

  private static PanelSpec panel(String id, SqlQuerySpec q) {
    return PanelSpec.sql(id, id, q);
  }

  private static RunResult run(SqlQuerySpec q) throws InterruptedException {
    return engine.run(workspace, panel("p", q), e -> {}).await().getFirst();
  }

  @Test
  void valuesRenderFaithfully() throws Exception {
    RunResult r =
        run(
            SqlQuerySpec.of(
                "db",
                """
                select 42::int4 as i, 12345678901234567890.10::numeric as n, 1.5::float8 as f,
                       true as b, ''::text as empty, null::text as nothing,
                       timestamptz '2026-01-02 03:04:05.678+02' as ts, date '2026-01-02' as d,
                       time '13:14:15' as t, interval '1 day 2 hours' as iv,
                       '6b1d1a4e-4c1e-4f6a-9d3b-2f0e6f1c9a11'::uuid as u, '{"a": [1, 2]}'::jsonb as j,
                       array[1,2,3] as arr, '\\x0102ff'::bytea as bin
                """));
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    Object[] row = r.table().row(0);
    assertThat(row[0]).isEqualTo(42L);
    assertThat(row[1]).isEqualTo(new BigDecimal("12345678901234567890.10"));
    assertThat(row[2]).isEqualTo(1.5);
    assertThat(row[3]).isEqualTo(true);
    assertThat(row[4]).isEqualTo("");
    assertThat(row[5]).isNull();
    assertThat((String) row[6]).isEqualTo("2026-01-02 01:04:05.678+00");
    assertThat(row[7]).isEqualTo("2026-01-02");
    assertThat(row[8]).isEqualTo("13:14:15");
    assertThat(row[9]).isEqualTo("1 day 02:00:00");
    assertThat(row[10]).isEqualTo("6b1d1a4e-4c1e-4f6a-9d3b-2f0e6f1c9a11");
    assertThat(row[11]).isEqualTo(new JsonText("{\"a\": [1, 2]}"));
    assertThat(row[12]).isEqualTo("{1,2,3}");
    assertThat(row[13]).isEqualTo("\\x0102ff");
    assertThat(r.table().columns().get(1).type()).isEqualTo("numeric");
    assertThat(r.table().columns().get(1).numeric()).isTrue();
  }

  @Test
  void parametersAreBoundSoAnInjectionAttemptStaysALiteral() throws Exception {
    String attack = "x' or '1'='1";
    RunResult r =
        run(
            SqlQuerySpec.of("db", "select count(*) from items where name = :name or id = :id")
                .withParams(Map.of("name", attack, "id", 2)));
    assertThat(r.value()).isEqualTo(1L);
    RunResult echo =
        run(SqlQuerySpec.of("db", "select :v::text as v").withParams(Map.of("v", attack)));
    assertThat(echo.value()).isEqualTo(attack);
    RunResult missing = run(SqlQuerySpec.of("db", "select :nope"));
    assertThat(missing.error().message()).contains(":nope").contains("no parameter");
  }

  @Test
  void parametersBindWithTheTypeTheWorkspaceGaveThem() throws Exception {
    var params = new java.util.HashMap<String, Object>();
    params.put("flag", true);
    params.put("ratio", 1.25);
    params.put("count", 41L);
    params.put("big", new java.math.BigInteger("123456789012345678901234"));
    params.put("none", null);
    RunResult r =
        run(
            SqlQuerySpec.of(
                    "db",
                    "select :flag and true as f, :ratio * 2 as r, :count + 1 as c, :big + 1 as big,"
                        + " :none::text is null as n")
                .withParams(params));
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.table().row(0))
        .containsExactly(true, 2.5, 42L, new BigDecimal("123456789012345678901235"), true);
  }

  @Test
  void rowsStreamInWhileTheQueryIsStillRunning() throws Exception {
    var rec = new Panels.Recorder();
    var q =
        SqlQuerySpec.of(
            "db",
            "select g, case when g = 5000 then pg_sleep(1.5) end as pause"
                + " from generate_series(1, 10000) g");
    long start = System.nanoTime();
    RunResult r = engine.run(workspace, panel("stream", q), rec).await().getFirst();
    long total = System.nanoTime() - start;
    assertThat(r.rowCount()).isEqualTo(10000);
    var earlyProgress =
        rec.events.stream()
            .filter(e -> e instanceof RunEvent.Progress p && p.rows() >= 1000)
            .findFirst();
    assertThat(earlyProgress).isPresent();
    assertThat(total).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));
    // The progress event carries the live table, readable while rows are still arriving.
    var p = (RunEvent.Progress) earlyProgress.get();
    assertThat(p.table()).isNotNull();
    assertThat(p.table().row(0)[0]).isEqualTo(1L);
  }

  @Test
  void theFirstRowsShowBeforeASlowServerHasProducedTheNextBatch() throws Exception {
    var q =
        SqlQuerySpec.of(
            "db",
            "select g, case when g = 300 then pg_sleep(1.5) end as pause"
                + " from generate_series(1, 1000) g");
    RunResult r =
        engine.run(workspace, panel("first", q), new Panels.Recorder()).await().getFirst();
    assertThat(r.rowCount()).isEqualTo(1000);
    assertThat(r.elapsed()).isGreaterThan(Duration.ofMillis(1500));
    // A small first fetch: row 1 does not wait for row 300 (a 5,000-row first fetch would).
    assertThat(rows(r).timeToFirstRow()).isLessThan(Duration.ofMillis(1000));
  }

  @Test
  void warmingUpAWorkspaceOpensItsConnectionBeforeAnyRun() throws Exception {
    var ws =
        Workspace.named("warm")
            .withConnections(
                Map.of("w", ConnectionSpec.ofUrl(TestDatabase.url() + "?application_name=warm-up")))
            .withPanels(List.of(panel("w1", SqlQuerySpec.of("w", "select 1"))));
    engine.warmUp(ws);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long open = 0;
    while (open == 0 && System.nanoTime() < deadline) {
      try (var c = TestDatabase.connect();
          var st = c.createStatement();
          var rs =
              st.executeQuery(
                  "select count(*) from pg_stat_activity where application_name = 'warm-up'")) {
        rs.next();
        open = rs.getLong(1);
      }
      Thread.sleep(50);
    }
    assertThat(open).as("connections opened by the warm-up, before any run").isEqualTo(1);
  }

  @Test
  void aLargeResultKeepsEachRepeatedValueOnceAndEveryValueRight() throws Exception {
    RunResult r =
        run(
            SqlQuerySpec.of(
                "db",
                "select g, 'status-' || (g % 4) as s, (g % 7)::numeric(12, 2) as n"
                    + " from generate_series(1, 20000) g"));
    assertThat(r.rowCount()).isEqualTo(20000);
    for (int i : new int[] {0, 999, 1000, 15000, 19999}) {
      long g = i + 1;
      assertThat(r.table().row(i))
          .containsExactly(g, "status-" + g % 4, new BigDecimal(g % 7 + ".00"));
    }
    // Far into the result, equal cells are one object (a million-row result keeps a few status
    // strings, not a million); distinct ones stay distinct.
    Object[] a = r.table().row(15000);
    Object[] b = r.table().row(15004);
    assertThat(b[1]).isSameAs(a[1]);
    assertThat(r.table().row(15007)[2]).isSameAs(a[2]);
    assertThat(b[0]).isNotEqualTo(a[0]);
  }

  @Test
  void theRowCapKeepsTheFirstRowsAndSaysSo() throws Exception {
    RunResult r =
        run(SqlQuerySpec.of("db", "select g from generate_series(1, 1000) g").withMaxRows(100));
    assertThat(r.rowCount()).isEqualTo(100);
    assertThat(r.table().capped()).isTrue();
    // The test database's role is a superuser, which the notice also calls out.
    assertThat(r.notice()).contains("first 100 rows shown (the result had more)");
  }

  @Test
  void cancelStopsTheQueryOnTheServer() throws Exception {
    // Once through a cursor transaction (size unknown), once on its own (its last result was
    // small).
    for (int i = 0; i < 2; i++) {
      var q =
          SqlQuerySpec.of("single", "select pg_sleep(:s) /* cancel-me */")
              .withParams(Map.of("s", 30));
      Object before = run(SqlQuerySpec.of("single", "select pg_backend_pid()")).value();
      var batch = engine.run(workspace, panel("sleep", q), e -> {});
      Thread.sleep(500);
      long t0 = System.nanoTime();
      batch.cancel();
      RunResult r = batch.await().getFirst();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
      assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
      try (var c = TestDatabase.connect();
          var s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from pg_stat_activity where state = 'active'"
                      + " and query like '%cancel-me%' and pid <> pg_backend_pid()")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
      // The statement was cancelled, not the session killed: the same pooled connection (one
      // server process) answers the next query.
      assertThat(run(SqlQuerySpec.of("single", "select pg_backend_pid()")).value())
          .isEqualTo(before);
      assertThat(run(q.withParams(Map.of("s", 0))).ok()).isTrue();
    }
  }

  @Test
  void cancelStopsALargeResultWhileItsRowsArrive() throws Exception {
    Object before = run(SqlQuerySpec.of("single", "select pg_backend_pid()")).value();
    var rec = new Panels.Recorder();
    var batch =
        engine.run(
            workspace,
            panel(
                "rows",
                SqlQuerySpec.of(
                    "single",
                    "select g, case when g = 3000 then pg_sleep(30) end as pause"
                        + " from generate_series(1, 10000) g /* cancel-rows */")),
            rec);
    // Past the first batch the rest is read on another thread; cancel while it waits for row 3000.
    Thread.sleep(1000);
    assertThat(rec.events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        RunEvent.Progress.class,
                        p -> {
                          assertThat(p.rows()).isGreaterThanOrEqualTo(200);
                        }));
    long t0 = System.nanoTime();
    batch.cancel();
    RunResult r = batch.await().getFirst();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(run(SqlQuerySpec.of("single", "select pg_backend_pid()")).value()).isEqualTo(before);
  }

  @Test
  void aStatementTimeoutFailsWithAClearMessage() throws Exception {
    // Once through a cursor transaction (size unknown), once on its own (its last result was
    // small).
    for (int i = 0; i < 2; i++) {
      var q =
          SqlQuerySpec.of("db", "select pg_sleep(:s) /* timeout */")
              .withParams(Map.of("s", 5))
              .withTimeout(Duration.ofMillis(300));
      RunResult r = run(q);
      assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(r.error().message()).contains("statement timed out");
      assertThat(run(q.withParams(Map.of("s", 0))).ok()).isTrue();
    }
  }

  @Test
  void writesAreRefusedUnlessThePanelAllowsThem() throws Exception {
    RunResult refused = run(SqlQuerySpec.of("db", "insert into items values (10, 'ten')"));
    assertThat(refused.error().message()).contains("read-only").contains("allowWrites: true");
    RunResult allowed =
        run(
            SqlQuerySpec.of("db", "update items set name = name where id in (1, 2)")
                .withAllowWrites(true));
    assertThat(allowed.ok()).isTrue();
    assertThat(changed(allowed).affectedRows()).isEqualTo(2L);
  }

  @Test
  void aReadOnlyPanelCannotLeaveItsConnectionWritableForTheNextRun() throws Exception {
    RunResult notSent = run(SqlQuerySpec.of("single", "set default_transaction_read_only = off"));
    assertThat(notSent.error().message()).contains("read-only panel").contains("allowWrites");
    // A panel that allows writes may change the session; the next panel gets it reset.
    RunResult set =
        run(
            SqlQuerySpec.of("single", "set default_transaction_read_only = off")
                .withAllowWrites(true));
    assertThat(set.ok()).as(String.valueOf(set.error())).isTrue();
    RunResult refused = run(SqlQuerySpec.of("single", "insert into items values (11, 'eleven')"));
    assertThat(refused.error().message()).contains("read-only");
  }

  @Test
  void aSmallResultTakesOneRoundTripFromItsSecondRun() throws Exception {
    var q =
        SqlQuerySpec.of("single", "select name from items where id = :id")
            .withParams(Map.of("id", 1));
    PanelSpec point = panel("point", q);
    // The first run does not know the result's size yet: BEGIN with the query, then COMMIT.
    engine.run(workspace, point, e -> {}).await();
    try (var trips = new RoundTrips("sql-point")) {
      RunResult r = engine.run(workspace, point, e -> {}).await().getFirst();
      assertThat(r.value()).isEqualTo("one");
      assertThat(trips.count()).isEqualTo(1);
    }
  }

  /**
   * Counts the Sync messages (one per round trip) that pgjdbc sends from one thread, read from the
   * driver's protocol log.
   */
  private static final class RoundTrips extends java.util.logging.Handler implements AutoCloseable {
    private static final java.util.logging.Logger DRIVER =
        java.util.logging.Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private final String thread;
    private final java.util.logging.Level before = DRIVER.getLevel();
    private final java.util.concurrent.atomic.AtomicInteger syncs =
        new java.util.concurrent.atomic.AtomicInteger();

    RoundTrips(String thread) {
      this.thread = thread;
      setLevel(java.util.logging.Level.ALL);
      DRIVER.setLevel(java.util.logging.Level.FINEST);
      DRIVER.addHandler(this);
    }

    int count() {
      return syncs.get();
    }

    @Override
    public void publish(java.util.logging.LogRecord r) {
      if ("FE=> Sync".equals(String.valueOf(r.getMessage()).strip())
          && Thread.currentThread().getName().equals(thread)) {
        syncs.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      DRIVER.removeHandler(this);
      DRIVER.setLevel(before);
    }
  }

  @Test
  void aSyntaxErrorShowsTheMessageStateAndPosition() throws Exception {
    RunResult r = run(SqlQuerySpec.of("db", "select *\nfromm items"));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.QUERY);
    assertThat(r.error().message())
        .contains("syntax error at or near \"fromm\"")
        .contains("SQLSTATE 42601, at line 2, column 1");
  }

  @Test
  void anUnreachableServerAndAWrongPasswordAreToldApart() throws Exception {
    int closed;
    try (var s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    var ws =
        workspace.withConnections(
            Map.of(
                "gone",
                ConnectionSpec.ofUrl("postgresql://postgres@127.0.0.1:" + closed + "/postgres")));
    RunResult down =
        engine.run(ws, panel("d", SqlQuerySpec.of("gone", "select 1")), e -> {}).await().getFirst();
    assertThat(down.error().message())
        .isEqualTo("cannot connect to 127.0.0.1:" + closed + ": connection refused");

    TestDatabase.execute(
        "drop role if exists pwuser", "create role pwuser login password 'right-one'");
    Path hba = TestDatabase.dataDir().resolve("pg_hba.conf");
    String original = java.nio.file.Files.readString(hba);
    if (!original.contains("pwuser")) {
      java.nio.file.Files.writeString(
          hba, "host all pwuser 127.0.0.1/32 scram-sha-256\n" + original);
      TestDatabase.execute("select pg_reload_conf()");
    }
    var wrong =
        workspace.withConnections(
            Map.of(
                "pw",
                new ConnectionSpec(
                    "postgresql://pwuser@127.0.0.1:" + TestDatabase.port() + "/postgres",
                    null,
                    null,
                    null,
                    null,
                    "${env:PW}",
                    null,
                    null,
                    null,
                    null)));
    try (var e2 =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent"))),
            Map.of("PW", "wrong-one")::get)) {
      RunResult bad =
          e2.run(wrong, panel("w", SqlQuerySpec.of("pw", "select 1")), e -> {}).await().getFirst();
      assertThat(bad.error().kind()).isEqualTo(ErrorKind.AUTH);
      assertThat(bad.error().message())
          .contains("password authentication failed for user \"pwuser\"");
      assertThat(bad.error().message()).doesNotContain("wrong-one");
    }
  }

  @Test
  void aBusyPoolQueuesRunsInsteadOfFailingThem() throws Exception {
    // Longer than one borrow attempt, so the second run is asked to wait again, not failed.
    var rec = new Panels.Recorder();
    long start = System.nanoTime();
    var results =
        engine
            .run(
                workspace,
                List.of(
                    panel("a", SqlQuerySpec.of("single", "select pg_sleep(1.5)")),
                    panel("b", SqlQuerySpec.of("single", "select pg_sleep(1.5)"))),
                rec)
            .await();
    assertThat(results).allMatch(RunResult::ok);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(3000);
  }
}
