package dev.fetchboard.sql;

import static dev.fetchboard.testing.Payloads.changed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.QueryRows;
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
 * Rows or "n changed" is what the driver says a statement returned, whatever its text starts with;
 * jsonb's {@code ?} operators reach the server as written; roles with powers read-only does not
 * stop are called out.
 */
class StatementKindTest {
  private static Engine engine;
  private static Workspace workspace;

  @BeforeAll
  static void setUp() throws Exception {
    TestDatabase.execute(
        "drop table if exists kinds",
        "create table kinds (id int primary key, name text, tags jsonb)",
        "insert into kinds values (1, 'one', '{\"a\": 1, \"b\": 2}'), (2, 'two', '{\"c\": 3}')",
        "drop role if exists fb_kind_reader",
        "drop role if exists fb_kind_admin",
        "create role fb_kind_reader login",
        "create role fb_kind_admin login createrole",
        "grant select on kinds to fb_kind_reader, fb_kind_admin");
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
    String base = "@127.0.0.1:" + TestDatabase.port() + "/postgres";
    workspace =
        Workspace.named("kinds")
            .withConnections(
                Map.of(
                    "db", ConnectionSpec.ofUrl(TestDatabase.url()),
                    "reader", ConnectionSpec.ofUrl("postgresql://fb_kind_reader" + base),
                    "admin", ConnectionSpec.ofUrl("postgresql://fb_kind_admin" + base)));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  private static RunResult run(SqlQuerySpec q) throws InterruptedException {
    RunResult r = engine.run(workspace, PanelSpec.sql("k", "k", q), e -> {}).await().getFirst();
    assertThat(r.ok()).as("%s: %s", q.query(), r.error()).isTrue();
    return r;
  }

  @Test
  void aQueryStartingWithACommentShowsItsRows() throws Exception {
    for (String query :
        List.of(
            "-- top\nselect name from kinds where id = 1",
            "/* top /* nested */ */ select name from kinds where id = 1",
            "-- top\n(select name from kinds where id = 1)",
            "select name from kinds where id = 1; -- a trailing semicolon and comment")) {
      for (int i = 0; i < 2; i++) { // first through a cursor, then in one round trip
        RunResult r = run(SqlQuerySpec.of("reader", query));
        assertThat(r.rowCount()).as(query).isEqualTo(1);
        assertThat(r.value()).isEqualTo("one");
        assertThat(r.payload()).isInstanceOf(QueryRows.class);
      }
    }
  }

  @Test
  void aWriteShowsWhatItChangedAndAWriteThatReturnsRowsShowsTheRows() throws Exception {
    RunResult update =
        run(
            SqlQuerySpec.of("db", "-- rename nothing\nupdate kinds set name = name where id < 3")
                .withAllowWrites(true));
    assertThat(changed(update).affectedRows()).isEqualTo(2L);
    assertThat(update.table()).isNull();
    RunResult returning =
        run(
            SqlQuerySpec.of("db", "/* c */ update kinds set name = name where id = 2 returning id")
                .withAllowWrites(true));
    assertThat(returning.rowCount()).isEqualTo(1);
    assertThat(returning.value()).isEqualTo(2L);
    // Several statements: the last result with rows is shown.
    RunResult several =
        run(
            SqlQuerySpec.of(
                    "db", "update kinds set name = name where id = 1; select count(*) from kinds")
                .withAllowWrites(true));
    assertThat(several.value()).isEqualTo(2L);
  }

  @Test
  void jsonbQuestionMarkOperatorsWorkBesideNamedParameters() throws Exception {
    RunResult has =
        run(
            SqlQuerySpec.of("reader", "select id from kinds where tags ? :key order by id")
                .withParams(Map.of("key", "a")));
    assertThat(has.value()).isEqualTo(1L);
    RunResult any =
        run(SqlQuerySpec.of("reader", "select count(*) from kinds where tags ?| array['a', 'c']"));
    assertThat(any.value()).isEqualTo(2L);
    RunResult all =
        run(SqlQuerySpec.of("reader", "select count(*) from kinds where tags ?& array['a', 'b']"));
    assertThat(all.value()).isEqualTo(1L);
    // A ? inside a literal, a quoted name or a comment is text and stays one character.
    RunResult text = run(SqlQuerySpec.of("reader", "select '?' || $$?$$ as \"why?\" -- really?\n"));
    assertThat(text.value()).isEqualTo("??");
    assertThat(text.table().columns().getFirst().name()).isEqualTo("why?");
  }

  @Test
  void aSuperuserOrARoleThatCanCreateRolesIsCalledOut() throws Exception {
    assertThat(run(SqlQuerySpec.of("db", "select 1")).notice())
        .contains("connected as a superuser")
        .contains("copy … to program");
    assertThat(run(SqlQuerySpec.of("admin", "select 1")).notice())
        .contains("connected as a role with CREATEROLE");
    assertThat(run(SqlQuerySpec.of("reader", "select 1")).notice()).isNull();

    try (var source = new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))) {
      var check = source.testConnection(ConnectionSpec.ofUrl(TestDatabase.url()));
      assertThat(check.ok()).isTrue();
      assertThat(check.message()).contains("PostgreSQL").contains("connected as a superuser");
      var plain =
          source.testConnection(
              ConnectionSpec.ofUrl(
                  "postgresql://fb_kind_reader@127.0.0.1:" + TestDatabase.port() + "/postgres"));
      assertThat(plain.message()).doesNotContain("superuser");
    }
  }
}
