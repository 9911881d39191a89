package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class HttpFileTest {
  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/interop", name));
  }

  @Test
  void requestsSeparatedByHashesBecomePanelsWithVariablesAsAnEnvironment() throws Exception {
    ImportResult r = HttpFileImporter.parse(sample("shop.http"));
    assertThat(r.panels())
        .extracting(PanelSpec::title)
        .containsExactly("List orders", "Create order", "GET /health");
    assertThat(r.panels())
        .extracting(PanelSpec::id)
        .containsExactly("list-orders", "createorder", "get-health");
    PanelSpec list = r.panels().get(0);
    assertThat(list.asHttp().orElseThrow().url())
        .isEqualTo("${host}/orders?limit=${limit}&status=open");
    assertThat(list.asHttp().orElseThrow().headers())
        .containsEntry("Accept", "application/json")
        .containsEntry("X-Api-Key", "${apiKey}");
    assertThat(r.environments().get("http-file"))
        .containsEntry("host", "https://api.example.com")
        .containsEntry("limit", "20")
        .containsEntry("apiKey", "${env:API_KEY}");
    assertThat(r.toString()).doesNotContain("sk_live_51Habc");
    assertThat(r.notices()).anyMatch(n -> n.contains("API_KEY"));
  }

  @Test
  void bodiesProcessEnvAndResponseHandlersAreHandled() throws Exception {
    ImportResult r = HttpFileImporter.parse(sample("shop.http"));
    PanelSpec create = r.panels().get(1);
    assertThat(create.asHttp().orElseThrow().method()).isEqualTo("POST");
    assertThat(create.asHttp().orElseThrow().auth())
        .isEqualTo(AuthSpec.bearer("${env:SHOP_TOKEN}"));
    assertThat(create.asHttp().orElseThrow().body().contentType()).isEqualTo("application/json");
    assertThat(create.asHttp().orElseThrow().body().text())
        .isEqualTo("{\n  \"sku\": \"SKU-1\",\n  \"quantity\": 2\n}");
    assertThat(r.notices()).anyMatch(n -> n.contains("response handlers"));
    assertThat(r.panels().get(2).asHttp().orElseThrow().method()).isEqualTo("GET");
  }

  @Test
  void aBlockWithoutARequestLineIsReportedAtItsLine() throws Exception {
    String text = sample("broken.http");
    assertThatThrownBy(() -> HttpFileImporter.parse(text))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("line 7, column 1: expected a request line");
  }

  @Test
  void writtenHttpFilesReadBackToTheSameRequests() throws Exception {
    ImportResult r = HttpFileImporter.parse(sample("shop.http"));
    String written =
        HttpFileWriter.write(r.panels(), Objects.requireNonNull(r.environments().get("http-file")));
    assertThat(written)
        .contains("@apiKey = {{$processEnv API_KEY}}")
        .contains("Authorization: Bearer {{$processEnv SHOP_TOKEN}}")
        .doesNotContain("sk_live");
    ImportResult again = HttpFileImporter.parse(written);
    assertThat(again.panels())
        .extracting(PanelSpec::source)
        .isEqualTo(r.panels().stream().map(PanelSpec::source).toList());
    assertThat(again.panels())
        .extracting(PanelSpec::title)
        .isEqualTo(r.panels().stream().map(PanelSpec::title).toList());
  }

  @Test
  void detectionTellsTheFormatsApart() throws Exception {
    assertThat(Importers.detect(sample("shop.http"))).isEqualTo(ImportFormat.HTTP);
    assertThat(Importers.detect("GET https://x.test/a")).isEqualTo(ImportFormat.HTTP);
    assertThat(Importers.detect(sample("create-order.curl"))).isEqualTo(ImportFormat.CURL);
    assertThat(Importers.detect("openapi: 3.0.3\ninfo: {}")).isEqualTo(ImportFormat.OPENAPI);
    assertThat(
            Importers.detect(
                "{\"info\":{\"schema\":\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"}}"))
        .isEqualTo(ImportFormat.POSTMAN);
  }
}
