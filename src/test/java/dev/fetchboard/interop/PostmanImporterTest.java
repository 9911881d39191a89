package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmanImporterTest {
  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/interop", name));
  }

  @Test
  void foldersBecomeTitlePrefixesAndEveryRequestAPanel() throws Exception {
    ImportResult r = PostmanImporter.parse(sample("shop.postman_collection.json"));
    assertThat(r.panels())
        .extracting(PanelSpec::title)
        .containsExactly(
            "Orders / List orders", "Orders / Create order", "Orders / Refunds / Refund", "Health");
    assertThat(r.panels())
        .extracting(PanelSpec::id)
        .containsExactly(
            "orders-list-orders", "orders-create-order", "orders-refunds-refund", "health");
    var list = r.panels().get(0).asHttp().orElseThrow();
    assertThat(list.url()).isEqualTo("${baseUrl}/orders?limit=50");
    assertThat(list.headers()).containsExactly(Map.entry("Accept", "application/json"));
  }

  @Test
  void collectionAuthIsInheritedUnlessARequestSaysOtherwise() throws Exception {
    ImportResult r = PostmanImporter.parse(sample("shop.postman_collection.json"));
    assertThat(r.panels().get(0).asHttp().orElseThrow().auth())
        .isEqualTo(AuthSpec.bearer("${accessToken}"));
    assertThat(r.panels().get(2).asHttp().orElseThrow().auth())
        .isEqualTo(AuthSpec.basic("refunds", "${env:SHOP_API_PASSWORD}"));
    assertThat(r.panels().get(3).asHttp().orElseThrow().auth()).isNull();
  }

  @Test
  void bodiesKeepTheirTypeAndVariables() throws Exception {
    ImportResult r = PostmanImporter.parse(sample("shop.postman_collection.json"));
    var create = r.panels().get(1).asHttp().orElseThrow();
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.body().contentType()).isEqualTo("application/json");
    assertThat(create.body().text()).contains("\"quantity\": ${quantity}");
    assertThat(r.panels().get(2).asHttp().orElseThrow().body().form())
        .containsExactly(Map.entry("order", "42"), Map.entry("reason", "damaged"));
  }

  @Test
  void variablesBecomeAnEnvironmentAndSecretsNeverLeaveTheirFile() throws Exception {
    ImportResult r = PostmanImporter.parse(sample("shop.postman_collection.json"));
    assertThat(r.environments().get("shop-api"))
        .containsEntry("baseUrl", "https://shop.example.com/api")
        .containsEntry("accessToken", "${env:ACCESS_TOKEN}")
        .containsEntry("webhookSigning", "${env:WEBHOOK_SIGNING}");
    assertThat(r.toString()).doesNotContain("eyJhbGci", "whsec_abc", "hunter2");
    assertThat(r.notices())
        .anyMatch(n -> n.contains("ACCESS_TOKEN"))
        .anyMatch(n -> n.contains("WEBHOOK_SIGNING"))
        .anyMatch(n -> n.contains("SHOP_API_PASSWORD"))
        .anyMatch(n -> n.contains("script"));
  }

  @Test
  void anEnvironmentExportBecomesAnEnvironment() throws Exception {
    ImportResult r = PostmanImporter.parse(sample("shop.postman_environment.json"));
    assertThat(r.panels()).isEmpty();
    assertThat(r.environments().get("shop-staging"))
        .containsExactly(
            Map.entry("baseUrl", "https://staging.shop.example.com/api"),
            Map.entry("clientSecret", "${env:CLIENT_SECRET}"));
    assertThat(Importers.detect(sample("shop.postman_environment.json")))
        .isEqualTo(ImportFormat.POSTMAN);
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() throws Exception {
    String text = sample("malformed.postman_collection.json");
    assertThatThrownBy(() -> PostmanImporter.parse(text))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("line 8, column 3: not valid JSON");
  }

  @Test
  void otherDocumentsAreRefusedWithAReason() {
    assertThatThrownBy(() -> PostmanImporter.parse("{\"info\":{\"name\":\"x\"}}"))
        .hasMessageContaining("not a Postman collection");
    assertThatThrownBy(() -> PostmanImporter.parse("{\"id\":\"x\",\"requests\":[]}"))
        .hasMessageContaining("Collection v2.1");
  }

  @Test
  void readingAFileDetectsItsFormatAndNamesTheFileInErrors() throws Exception {
    Path dir = Path.of("src/test/resources/interop");
    assertThat(Importers.read(dir.resolve("shop.postman_collection.json")).panels()).hasSize(4);
    assertThatThrownBy(() -> Importers.read(dir.resolve("malformed.postman_collection.json")))
        .hasMessageStartingWith(dir.resolve("malformed.postman_collection.json") + ": line 8")
        .extracting(e -> ((ImportException) e).line())
        .isEqualTo(8);
    assertThatThrownBy(() -> Importers.read(dir.resolve("missing.json")))
        .hasMessageEndingWith("missing.json: no such file");
  }
}
