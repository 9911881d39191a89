package dev.fetchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParamsTest {
  private static KeyValueTable.Entry e(String name, String value) {
    return new KeyValueTable.Entry(name, value);
  }

  @Test
  void valuesAreReadAsYamlScalarsAndWrittenBackTheSameWay() {
    var problems = new ArrayList<Problem>();
    var values =
        SqlParams.parse(
            List.of(e("n", "42"), e("s", "open"), e("q", "'42'"), e("b", "true"), e("z", "")),
            problems);
    assertThat(problems).isEmpty();
    assertThat(values)
        .containsEntry("n", 42)
        .containsEntry("s", "open")
        .containsEntry("q", "42")
        .containsEntry("b", true)
        .containsEntry("z", null);
    assertThat(SqlParams.text(42)).isEqualTo("42");
    assertThat(SqlParams.text("open")).isEqualTo("open");
    assertThat(SqlParams.text("42")).isEqualTo("\"42\"");
  }

  @Test
  void badNamesDuplicatesAndListsAreReported() {
    var problems = new ArrayList<Problem>();
    SqlParams.parse(
        List.of(e("bad name", "1"), e("a", "1"), e("a", "2"), e("l", "[1, 2]"), e("", "x")),
        problems);
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            "'bad name' is not a parameter name (letters, digits and _)",
            "'a' is given more than once",
            "l: write one value (text, a number, true or false)",
            "a parameter needs a name");
  }
}
