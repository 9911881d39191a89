package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurlParserTest {

  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/interop", name));
  }

  @Test
  void aDevToolsCommandBecomesAPanelWithEveryPart() throws Exception {
    ImportResult r = CurlParser.parse(sample("create-order.curl"));
    PanelSpec p = r.panels().getFirst();
    HttpRequestSpec h = p.asHttp().orElseThrow();
    assertThat(h.method()).isEqualTo("POST");
    assertThat(h.url()).isEqualTo("https://api.example.com/v1/orders?dryRun=true");
    assertThat(h.headers())
        .containsEntry("accept", "application/json")
        .containsEntry("x-note", "it's \"quoted\"")
        .doesNotContainKey("authorization");
    assertThat(h.body().text()).isEqualTo("{\"sku\":\"SKU-1\",\"quantity\":2}");
    assertThat(h.body().contentType()).isEqualTo("application/json");
    assertThat(h.insecure()).isTrue();
    assertThat(h.followRedirects()).isTrue();
    assertThat(p.id()).isEqualTo("post-v1-orders");
    assertThat(p.title()).isEqualTo("POST /v1/orders");
  }

  @Test
  void theBearerTokenBecomesAnEnvReferenceAndIsNeverKept() throws Exception {
    ImportResult r = CurlParser.parse(sample("create-order.curl"));
    HttpRequestSpec h = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.auth()).isEqualTo(AuthSpec.bearer("${env:API_EXAMPLE_COM_TOKEN}"));
    assertThat(r.toString()).doesNotContain("eyJhbGciOiJIUzI1NiJ9");
    assertThat(r.notices()).anyMatch(n -> n.contains("API_EXAMPLE_COM_TOKEN"));
  }

  @Test
  void unsupportedOptionsAreListedInNotices() throws Exception {
    ImportResult r = CurlParser.parse(sample("create-order.curl"));
    assertThat(r.notices()).anyMatch(n -> n.contains("--retry 3"));
  }

  @Test
  void basicAuthPasswordBecomesAReference() throws Exception {
    ImportResult r = CurlParser.parse("curl -u admin:hunter2 http://127.0.0.1:8080/admin");
    AuthSpec.Basic basic = r.panels().getFirst().asHttp().orElseThrow().auth().basic();
    assertThat(basic.user()).isEqualTo("admin");
    assertThat(basic.password()).isEqualTo("${env:LOCALHOST_PASSWORD}");
    assertThat(r.toString()).doesNotContain("hunter2");
  }

  @Test
  void dataWithoutMethodIsAFormPostAndSeveralDataOptionsJoinWithAmpersand() throws Exception {
    var h = CurlParser.parse("curl https://x.test/login -d user=a -d 'note=b c'").panels();
    assertThat(h.getFirst().asHttp().orElseThrow().method()).isEqualTo("POST");
    assertThat(h.getFirst().asHttp().orElseThrow().body().text()).isEqualTo("user=a&note=b c");
    assertThat(h.getFirst().asHttp().orElseThrow().body().contentType())
        .isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void formFieldsBecomeAFormBodyAndFileUploadsAreNoticed() throws Exception {
    ImportResult r = CurlParser.parse("curl -F name=Ada -F avatar=@me.png https://x.test/users");
    assertThat(r.panels().getFirst().asHttp().orElseThrow().body().form())
        .containsExactly(Map.entry("name", "Ada"));
    assertThat(r.notices()).anyMatch(n -> n.contains("avatar=@me.png"));
  }

  @Test
  void getWithDataAppendsTheDataToTheQuery() throws Exception {
    var h =
        CurlParser.parse("curl -G https://x.test/search -d q=shoes")
            .panels()
            .getFirst()
            .asHttp()
            .orElseThrow();
    assertThat(h.method()).isEqualTo("GET");
    assertThat(h.url()).isEqualTo("https://x.test/search?q=shoes");
    assertThat(h.body()).isNull();
  }

  @Test
  void combinedShortFlagsAndAttachedValuesAreUnderstood() throws Exception {
    var h =
        CurlParser.parse("curl -sSLk -XDELETE https://x.test/a/1")
            .panels()
            .getFirst()
            .asHttp()
            .orElseThrow();
    assertThat(h.method()).isEqualTo("DELETE");
    assertThat(h.followRedirects()).isTrue();
    assertThat(h.insecure()).isTrue();
  }

  @Test
  void shellWordsHandleQuotesEscapesAndContinuations() throws Exception {
    assertThat(ShellWords.split("a 'b c' \"d \\\"e\\\" $f\" g\\ h \\\n i $'j\\nk\\x41'"))
        .containsExactly("a", "b c", "d \"e\" $f", "g h", "i", "j\nkA");
    assertThat(ShellWords.split("'it'\\''s'")).containsExactly("it's");
  }

  @Test
  void anUnterminatedQuoteIsReportedWithLineAndColumn() throws Exception {
    String text = sample("unterminated.curl");
    assertThatThrownBy(() -> CurlParser.parse(text))
        .isInstanceOf(ImportException.class)
        .hasMessage("line 2, column 6: unterminated single quote (it opens here and never closes)");
  }

  @Test
  void textThatIsNotCurlOrLacksAUrlIsRefusedClearly() {
    assertThatThrownBy(() -> CurlParser.parse("wget https://x.test"))
        .hasMessageContaining("should start with 'curl'");
    assertThatThrownBy(() -> CurlParser.parse("curl -H 'a: b'")).hasMessageContaining("has no URL");
    assertThatThrownBy(() -> CurlParser.parse("curl https://x.test -H"))
        .hasMessageContaining("-H needs a value");
  }

  @Test
  void copyAsCurlParsesBackToTheSameRequest() throws Exception {
    PanelSpec original = CurlParser.parse(sample("create-order.curl")).panels().getFirst();
    String command = CurlWriter.write(original);
    assertThat(command).contains("${env:API_EXAMPLE_COM_TOKEN}").doesNotContain("eyJ");
    HttpRequestSpec again = CurlParser.parse(command).panels().getFirst().asHttp().orElseThrow();
    assertThat(again.method()).isEqualTo(original.asHttp().orElseThrow().method());
    assertThat(again.url()).isEqualTo(original.asHttp().orElseThrow().url());
    assertThat(again.headers()).isEqualTo(original.asHttp().orElseThrow().headers());
    assertThat(again.body()).isEqualTo(original.asHttp().orElseThrow().body());
    assertThat(again.insecure()).isTrue();
    // The reference is already a reference: kept as written, no new notice about it.
    assertThat(again.auth()).isEqualTo(original.asHttp().orElseThrow().auth());
  }

  @Test
  void copyAsCurlQuotesSingleQuotesSafely() throws Exception {
    var panel =
        PanelSpec.http(
            "p",
            "p",
            HttpRequestSpec.get("https://x.test/a b")
                .withHeaders(java.util.Map.of("X-Say", "it's; rm -rf /")));
    String command = CurlWriter.write(panel);
    assertThat(command).contains("'X-Say: it'\\''s; rm -rf /'");
    assertThat(ShellWords.split(command)).contains("X-Say: it's; rm -rf /", "https://x.test/a b");
  }

  @Test
  void idsAreSlugsMadeUniqueWithSuffixes() {
    var ids = new PanelIds(List.of("orders"));
    assertThat(ids.next("Orders")).isEqualTo("orders-2");
    assertThat(ids.next("Orders")).isEqualTo("orders-3");
    assertThat(ids.next("Crème brûlée / Prix")).isEqualTo("creme-brulee-prix");
    assertThat(PanelIds.envName("apiKey")).isEqualTo("API_KEY");
  }
}
