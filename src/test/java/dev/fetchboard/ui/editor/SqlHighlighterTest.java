package dev.fetchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {
  /** "text:style" for each styled run, in order. */
  private static List<String> styled(String sql) {
    var out = new ArrayList<String>();
    int at = 0;
    for (StyleSpan<Collection<String>> span : SqlHighlighter.spans(sql)) {
      if (!span.getStyle().isEmpty()) {
        out.add(sql.substring(at, at + span.getLength()) + ":" + span.getStyle().iterator().next());
      }
      at += span.getLength();
    }
    assertThat(at).as("spans cover the text exactly").isEqualTo(sql.length());
    return out;
  }

  @Test
  void keywordsStringsCommentsNumbersAndParams() {
    assertThat(styled("SELECT 'from' FROM t WHERE n > :min::int -- where\n/* and */ LIMIT 10"))
        .containsExactly(
            "SELECT:keyword",
            "'from':string",
            "FROM:keyword",
            "WHERE:keyword",
            ":min:param",
            "-- where:comment",
            "/* and */:comment",
            "LIMIT:keyword",
            "10:number");
  }

  @Test
  void quotedIdentifiersAndWordsWithDigitsAreNotHighlighted() {
    assertThat(styled("select \"select\", col1, t2.x from t"))
        .containsExactly("select:keyword", "from:keyword");
  }

  @Test
  void emptyAndUnterminatedTextIsSafe() {
    assertThat(styled("")).isEmpty();
    assertThat(styled("select 'open")).containsExactly("select:keyword", "'open:string");
  }
}
