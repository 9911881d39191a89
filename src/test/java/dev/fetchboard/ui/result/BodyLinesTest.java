package dev.fetchboard.ui.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a body becomes the lines the body view lists. */
class BodyLinesTest {
  @Test
  void smallJsonIsPrettyPrinted() {
    var lines = BodyLines.of("{\"a\":1,\"b\":[2]}", "application/json");
    assertThat(lines.lines()).containsExactly("{", "  \"a\" : 1,", "  \"b\" : [ 2 ]", "}");
    assertThat(lines.notice()).isEmpty();
  }

  @Test
  void textIsSplitAtLineBreaksWithoutTheBreaks() {
    var lines = BodyLines.of("one\r\ntwo\n\nfour\n", "text/plain");
    assertThat(lines.lines()).containsExactly("one", "two", "", "four");
    assertThat(BodyLines.of("", "text/plain").lines()).containsExactly("");
  }

  @Test
  void jsonThatIsNotValidIsShownAsItCame() {
    assertThat(BodyLines.of("{\"a\":", "application/json").lines()).containsExactly("{\"a\":");
  }

  @Test
  void bigJsonIsNotPrettyPrintedAndTheUserIsTold() {
    String big = "[" + "1,".repeat(BodyLines.PRETTY_LIMIT / 2) + "1]";
    var lines = BodyLines.of(big, "application/json; charset=utf-8");
    assertThat(lines.notice())
        .startsWith("shown as received: JSON over 2 MB is not pretty-printed")
        .contains("lines longer than 2,000 characters are broken");
    assertThat(String.join("", lines.lines())).isEqualTo(big);
    assertThat(lines.lines()).allMatch(l -> l.length() <= BodyLines.LINE_LIMIT);
  }

  @Test
  void aLongLineIsBrokenIntoPiecesThatAddUpToIt() {
    String line = "x".repeat(BodyLines.LINE_LIMIT * 2 + 5);
    var lines = BodyLines.of("a\n" + line + "\nb", "text/plain");
    assertThat(lines.lines()).hasSize(5);
    assertThat(lines.lines().get(3)).hasSize(5);
    assertThat(lines.lines().getLast()).isEqualTo("b");
  }
}
