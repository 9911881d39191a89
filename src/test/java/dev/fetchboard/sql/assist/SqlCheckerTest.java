package dev.fetchboard.sql.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCheckerTest {
  static List<String> validStatements() throws IOException {
    try (InputStream in = SqlCheckerTest.class.getResourceAsStream("/sql/valid-postgresql.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }

  @Test
  void noFalseAlarmOnRealPostgresqlStatements() throws IOException {
    List<String> statements = validStatements();
    assertThat(statements).hasSizeGreaterThanOrEqualTo(40);
    for (String sql : statements) {
      assertThat(SqlChecker.check(sql, CatalogView.EMPTY).problems()).as(sql).isEmpty();
      assertThat(SqlChecker.check(sql, SampleCatalog.SHOP).problems()).as(sql).isEmpty();
    }
  }

  @Test
  void jooqsOwnGapsAreLeftToTheServerNotShown() {
    var result = SqlChecker.check("select now() at time zone 'UTC'", SampleCatalog.SHOP);
    assertThat(result.problems()).isEmpty();
    assertThat(result.unsure()).singleElement().satisfies(s -> assertThat(s.start()).isZero());
  }

  @Test
  void aMisspelledCommandIsUnderlinedWithASuggestion() {
    var p = SqlChecker.check("selec 1", CatalogView.EMPTY).problems();
    assertThat(p)
        .containsExactly(
            new SqlProblem(0, 5, "'selec' is not a SQL command; did you mean select?"));
    assertThat(p.getFirst().lineColumn("selec 1")).containsExactly(1, 1);
  }

  @Test
  void theSecondStatementIsCheckedAtItsOwnPlace() {
    String text = "select 1;\n  slect 2";
    var p = SqlChecker.check(text, CatalogView.EMPTY).problems();
    assertThat(p)
        .singleElement()
        .satisfies(x -> assertThat(x.lineColumn(text)).containsExactly(2, 3));
  }

  @Test
  void unclosedQuotesAndParenthesesAreCertain() {
    assertThat(SqlChecker.check("select 'abc from t", CatalogView.EMPTY).problems())
        .extracting(SqlProblem::message)
        .containsExactly("this string is not closed");
    assertThat(SqlChecker.check("select (1 + 2 from t", CatalogView.EMPTY).problems())
        .extracting(SqlProblem::message)
        .containsExactly("this '(' is not closed");
    assertThat(SqlChecker.check("select 1)", CatalogView.EMPTY).problems())
        .extracting(SqlProblem::message)
        .containsExactly("this ')' closes nothing");
  }

  @Test
  void aCommaBeforeFromAndAnUnfinishedStatementAreCertain() {
    assertThat(SqlChecker.check("select id, from orders", CatalogView.EMPTY).problems())
        .extracting(SqlProblem::start, SqlProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(9, "a comma before 'from'"));
    assertThat(SqlChecker.check("select * from orders where", CatalogView.EMPTY).problems())
        .extracting(SqlProblem::message)
        .containsExactly("the statement ends after 'where'");
  }

  @Test
  void unknownTableAndAliasColumnWithALoadedSchema() {
    String text = "select c.nmae from customer c";
    var p = SqlChecker.check(text, SampleCatalog.SHOP).problems();
    assertThat(p)
        .extracting(SqlProblem::message)
        .containsExactly("no table or view named customer in schema public");
    var q = SqlChecker.check("select c.nmae from customers c", SampleCatalog.SHOP).problems();
    assertThat(q)
        .extracting(SqlProblem::message)
        .containsExactly("column nmae is not in customers; did you mean name?");
    assertThat(q.getFirst().start()).isEqualTo("select c.".length());
  }

  @Test
  void withoutALoadedSchemaNamesAreNotJudged() {
    assertThat(SqlChecker.check("select c.nmae from customer c", CatalogView.EMPTY).problems())
        .isEmpty();
  }

  @Test
  void cteAndFunctionAndSubqueryNamesAreNotUnknownTables() {
    for (String sql :
        List.of(
            "with r as (select * from orders) select r.anything from r",
            "select g.i from generate_series(1, 3) g(i)",
            "select s.whatever from (select 1 as whatever) s",
            "select * from pg_stat_activity",
            "select * from audit.log")) {
      assertThat(SqlChecker.check(sql, SampleCatalog.SHOP).problems()).as(sql).isEmpty();
    }
  }
}
