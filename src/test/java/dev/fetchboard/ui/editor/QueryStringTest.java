package dev.fetchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.ui.editor.QueryString.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStringTest {
  @Test
  void paramsAreDecodedAndJoinedBackEncoded() {
    String url = "https://h/p?a=1&b=x%20y&c=a+b#top";
    assertThat(QueryString.base(url)).isEqualTo("https://h/p#top");
    assertThat(QueryString.requestBase(url)).isEqualTo("https://h/p");
    assertThat(QueryString.params(url))
        .containsExactly(new Param("a", "1"), new Param("b", "x y"), new Param("c", "a b"));
    assertThat(QueryString.join("https://h/p#top", QueryString.params(url)))
        .isEqualTo("https://h/p?a=1&b=x%20y&c=a%20b#top");
  }

  @Test
  void variableReferencesStayReadable() {
    var params = List.of(new Param("token", "${env:API_TOKEN}"), new Param("q", "a&b ${term}"));
    String url = QueryString.join("${api}/search", params);
    assertThat(url).isEqualTo("${api}/search?token=${env:API_TOKEN}&q=a%26b%20${term}");
    assertThat(QueryString.params(url)).isEqualTo(params);
  }

  @Test
  void badEncodingIsKeptAsTypedAndNameOnlyParamsSurvive() {
    assertThat(QueryString.params("http://h/?x=100%&flag"))
        .containsExactly(new Param("x", "100%"), new Param("flag", ""));
    assertThat(QueryString.join("http://h/", List.of(new Param("flag", ""))))
        .isEqualTo("http://h/?flag");
  }
}
