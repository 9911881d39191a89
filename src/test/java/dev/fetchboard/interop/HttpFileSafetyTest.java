package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** .http import and export: what the format treats as syntax never comes from data. */
class HttpFileSafetyTest {

  @Test
  void processEnvInAQueryContinuationLineIsNotALiveReference() {
    String text =
        """
        GET https://h.test/a
            ?x=1
            &t={{$processEnv AWS_SECRET_ACCESS_KEY}}
        """;
    assertThatThrownBy(() -> HttpFileImporter.parse(text))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("line 3, column 5:");
    // The same rule as on the request line itself.
    assertThatThrownBy(
            () ->
                HttpFileImporter.parse(
                    "GET https://h.test/a?x=1&t={{$processEnv AWS_SECRET_ACCESS_KEY}}\n"))
        .isInstanceOf(ImportException.class);
  }

  @Test
  void aContinuationWithoutSpacesStillJoinsTheUrl() throws Exception {
    var r = HttpFileImporter.parse("GET https://h.test/a\n    ?x=1\n    &y={{y}}\n");
    assertThat(r.panels().getFirst().asHttp().orElseThrow().url())
        .isEqualTo("https://h.test/a?x=1&y=${y}");
  }

  @Test
  void bodyLinesThatLookLikeSyntaxStayBodyText() throws Exception {
    String body =
        "first\n### GET https://evil.test/\n> {% client.exit() %}\n>> out.txt\n"
            + "<> x\n# not a comment\n// nor this\nend";
    assertRoundTrip(panel("POST", "https://h.test/a", Map.of(), BodySpec.text("text/plain", body)));
    String fileInclude = "< /etc/passwd\nrest";
    assertRoundTrip(
        panel("POST", "https://h.test/a", Map.of(), BodySpec.text("text/plain", fileInclude)));
  }

  @Test
  void literalBracesAreNeverWrittenAsLiveVariables() throws Exception {
    String body = "{{$processEnv HOME}} and {{x}} {{{ }} {{{{";
    var p =
        panel(
            "POST",
            "https://h.test/{{path}}",
            Map.of("X-Tpl", "{{$processEnv AWS_SECRET_ACCESS_KEY}}"),
            BodySpec.text("text/plain", body));
    String written = HttpFileWriter.write(List.of(p), Map.of());
    assertThat(written).doesNotContain("{{$processEnv HOME}}", "{{x}}", "{{path}}");
    assertRoundTrip(p);
  }

  @Test
  void titlesUrlsAndHeadersCannotStartANewRequest() throws Exception {
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-A", "1\r\nGET https://evil.test/");
    var p =
        PanelSpec.http(
            "p",
            "Title\nGET https://evil.test/\n###",
            new HttpRequestSpec(
                "GET",
                "https://h.test/a b\nc",
                null,
                headers,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    ImportResult again = HttpFileImporter.parse(HttpFileWriter.write(List.of(p), Map.of()));
    assertThat(again.panels()).hasSize(1);
    assertThat(again.panels().getFirst().asHttp().orElseThrow().url())
        .startsWith("https://h.test/a");
    assertThat(again.toString()).doesNotContain("evil.test/\n");
  }

  @Test
  void environmentLiteralSecretsAreWrittenAsProcessEnvReferences() throws Exception {
    var vars = new LinkedHashMap<String, String>();
    vars.put("host", "https://h.test");
    vars.put("apiKey", "sk_live_SECRET");
    vars.put("dbPassword", "hunter2");
    vars.put("bad name", "x");
    vars.put("multi", "a\nGET https://evil.test/");
    String written =
        HttpFileWriter.write(
            List.of(panel("GET", "${host}/a", Map.of("X-Api-Key", "literal-SECRET-2"), null)),
            vars);
    assertThat(written)
        .contains("@host = https://h.test")
        .contains("@apiKey = {{$processEnv API_KEY}}")
        .contains("@dbPassword = {{$processEnv DB_PASSWORD}}")
        .doesNotContain("SECRET", "hunter2", "evil.test");
    ImportResult again = HttpFileImporter.parse(written);
    assertThat(again.panels()).hasSize(1);
  }

  private static PanelSpec panel(
      String method, String url, Map<String, String> headers, @Nullable BodySpec body) {
    return PanelSpec.http(
        "p",
        "P",
        new HttpRequestSpec(method, url, null, headers, body, null, null, null, null, null, null));
  }

  private static void assertRoundTrip(PanelSpec p) throws Exception {
    String written = HttpFileWriter.write(List.of(p), Map.of());
    ImportResult again = HttpFileImporter.parse(written);
    assertThat(again.panels()).as(written).hasSize(1);
    HttpRequestSpec h = again.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.url()).as(written).isEqualTo(p.asHttp().orElseThrow().url());
    assertThat(h.headers()).as(written).isEqualTo(p.asHttp().orElseThrow().headers());
    if (p.asHttp().orElseThrow().body() != null) {
      assertThat(h.body().text()).as(written).isEqualTo(p.asHttp().orElseThrow().body().text());
    }
  }
}
