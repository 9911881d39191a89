package dev.fetchboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the SQL text is read: nested comments, literals, statements and what read-only refuses. */
class ReadOnlyCheckTest {
  @Test
  void blockCommentsNestAsPostgresqlReadsThem() {
    String sql = "/* a /* b */ c; commit; */ select 1";
    SqlText.Span span = SqlText.skippedAt(sql, 0);
    assertThat(span.end()).isEqualTo(sql.indexOf(" select"));
    assertThat(span.closed()).isTrue();
    assertThat(ReadOnlyCheck.statements(sql))
        .extracting(ReadOnlyCheck.Statement::firstWord)
        .containsExactly("select");
    assertThat(SqlText.skippedAt("/* a /* b */", 0).closed()).isFalse();
  }

  @Test
  void anEscapeStringNeedsItsEToBeAWordOfItsOwn() {
    // E'\'' is one literal; in somE'\' the E ends a name and the literal is '\'.
    assertThat(ReadOnlyCheck.statements("select E'\\'; commit; '")).hasSize(1);
    assertThat(ReadOnlyCheck.statements("select somE'\\'; commit; --'")).hasSize(2);
  }

  @Test
  void statementsAreCountedOutsideLiteralsQuotedNamesAndComments() {
    assertThat(ReadOnlyCheck.statements("select ';' as \";\", $x$;$x$ -- ;\n;; ")).hasSize(1);
    assertThat(ReadOnlyCheck.statements("select 1; -- only a comment after")).hasSize(1);
    List<ReadOnlyCheck.Statement> two = ReadOnlyCheck.statements("select 1;\n  (commit)");
    assertThat(two)
        .extracting(ReadOnlyCheck.Statement::firstWord)
        .containsExactly("select", "commit");
  }

  @Test
  void aTrailingSemicolonAndCommentAreLeftOutOfWhatIsSent() {
    assertThat(ReadOnlyCheck.withoutTrailing("select ';' ; -- done\n/* x */ "))
        .isEqualTo("select ';' ");
    assertThat(ReadOnlyCheck.withoutTrailing("select 1")).isEqualTo("select 1");
    assertThat(ReadOnlyCheck.withoutTrailing("select 1; select 2")).isEqualTo("select 1; select 2");
  }

  @Test
  void refusalsSayWhyAndWhatLiftsThem() {
    assertThat(ReadOnlyCheck.refusal("select 1; select 2"))
        .isEqualTo(
            "a read-only panel runs one statement, and this text has 2 (the second starts at line"
                + " 1, column 11); set allowWrites: true to run several");
    assertThat(ReadOnlyCheck.refusal("  -- why\n Set role x"))
        .isEqualTo(
            "a read-only panel cannot run 'set' (it changes the session, which later panels share);"
                + " set allowWrites: true to let it");
    assertThat(ReadOnlyCheck.refusal("select set_config('a.b', '1', false)"))
        .contains("set_config");
    assertThat(ReadOnlyCheck.refusal("select 'unclosed"))
        .isEqualTo("a string that starts at line 1, column 8 is never closed");
    assertThat(ReadOnlyCheck.refusal("select 1 /* unclosed")).contains("a comment");
    assertThat(ReadOnlyCheck.refusal("select 1;")).isNull();
    assertThat(ReadOnlyCheck.refusal("with t as (select 1) select * from t")).isNull();
    assertThat(ReadOnlyCheck.refusal("select 'begin; commit'")).isNull();
    assertThat(ReadOnlyCheck.refusal("explain select 1")).isNull();
  }

  @Test
  void questionMarksOfTheQueryAreEscapedForTheDriverAndParametersBecomeBinds() {
    var parsed =
        NamedParameters.parse(
            "select '?', \"?\" from t where j ? :key and j ?| a -- ?\n and x::int = 1");
    assertThat(parsed.sql())
        .isEqualTo("select '?', \"?\" from t where j ?? ? and j ??| a -- ?\n and x::int = 1");
    assertThat(parsed.names()).containsExactly("key");
  }
}
