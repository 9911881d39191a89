package dev.fetchboard.sql.assist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFormatterTest {
  @Test
  void formatsAndKeepsNamedParameters() {
    var f =
        SqlFormatter.format(
            "select id, total from orders where status = :status and total > :min order by id");
    assertThat(f.refusal()).isNull();
    assertThat(f.text()).contains(":status").contains(":min").contains("\n");
    assertThat(f.text().toLowerCase()).contains("from orders");
  }

  @Test
  void textWithCommentsIsLeftAloneAndSaysWhy() {
    var f = SqlFormatter.format("select 1 -- the answer\n");
    assertThat(f.text()).isNull();
    assertThat(f.refusal()).contains("comments");
  }

  @Test
  void sqlTheParserCannotReadIsLeftAloneAndSaysWhy() {
    var f = SqlFormatter.format("select now() at time zone 'UTC'");
    assertThat(f.text()).isNull();
    assertThat(f.refusal()).startsWith("not formatted: the formatter cannot read this SQL");
  }
}
