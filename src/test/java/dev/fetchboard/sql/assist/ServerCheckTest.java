package dev.fetchboard.sql.assist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerCheckTest {
  @BeforeAll
  static void table() throws Exception {
    TestDatabase.execute(
        "create table if not exists server_check_orders (id int, status text)",
        "insert into server_check_orders values (1, 'open')");
  }

  private static SqlProblem check(String text) throws Exception {
    try (Connection c = TestDatabase.connect()) {
      c.setReadOnly(true);
      return ServerCheck.describe(c, text, 0, text.length());
    }
  }

  @Test
  void theServerAcceptsWhatJooqCannotParse() throws Exception {
    assertThat(check("select now() at time zone 'UTC', 2 ^ 3, |/ 16.0")).isNull();
  }

  @Test
  void aMisspelledColumnIsWhereTheServerSaysWithParametersInPlace() throws Exception {
    String text = "select id from server_check_orders where status = :status and stauts = :s";
    SqlProblem p = check(text);
    assertThat(p.message()).isEqualTo("column \"stauts\" does not exist");
    assertThat(text.substring(p.start(), p.end())).isEqualTo("stauts");
  }

  @Test
  void describingNeverRunsTheStatement() throws Exception {
    assertThat(check("delete from server_check_orders")).isNull();
    try (var c = TestDatabase.connect();
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from server_check_orders")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void jsonbQuestionMarkOperatorKeepsPositions() throws Exception {
    String text = "select '{}'::jsonb ? 'a', nosuch from server_check_orders";
    SqlProblem p = check(text);
    assertThat(text.substring(p.start(), p.end())).isEqualTo("nosuch");
  }
}
