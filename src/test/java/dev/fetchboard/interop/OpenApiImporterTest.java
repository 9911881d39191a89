package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiImporterTest {
  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/interop", name));
  }

  @Test
  void everyGetOperationBecomesAPanelWithExampleParameters() throws Exception {
    ImportResult r = OpenApiImporter.parse(sample("shop-openapi.yaml"));
    assertThat(r.panels())
        .extracting(PanelSpec::id)
        .containsExactly("listorders", "getorder", "health");
    assertThat(r.panels())
        .extracting(PanelSpec::title)
        .containsExactly("List orders", "getOrder", "Health");
    var list = r.panels().get(0);
    assertThat(list.asHttp().orElseThrow().url()).isEqualTo("${baseUrl}/orders");
    assertThat(list.asHttp().orElseThrow().query())
        .containsExactly(Map.entry("limit", "50"), Map.entry("status", "open"));
    assertThat(list.rows()).isEqualTo("$.items");
    var one = r.panels().get(1);
    assertThat(one.asHttp().orElseThrow().url()).isEqualTo("${baseUrl}/orders/42");
  }

  @Test
  void theServerUrlBecomesTheBaseUrlVariable() throws Exception {
    ImportResult r = OpenApiImporter.parse(sample("shop-openapi.yaml"));
    assertThat(r.environments())
        .containsExactly(
            Map.entry("shop-api", Map.of("baseUrl", "https://eu.shop.example.com/v1")));
    assertThat(r.notices())
        .anyMatch(n -> n.contains("first of 2 servers"))
        .anyMatch(n -> n.contains("2 operation(s) other than GET were skipped"));
  }

  @Test
  void securitySchemesBecomeEnvReferences() throws Exception {
    ImportResult r = OpenApiImporter.parse(sample("shop-openapi.yaml"));
    assertThat(r.panels().get(0).asHttp().orElseThrow().auth())
        .isEqualTo(AuthSpec.bearer("${env:SHOP_API_TOKEN}"));
    assertThat(r.panels().get(2).asHttp().orElseThrow().auth()).isNull();
    assertThat(r.notices()).anyMatch(n -> n.contains("SHOP_API_TOKEN"));
  }

  @Test
  void jsonDocumentsAreReadToo() throws Exception {
    String json =
        """
        {"openapi": "3.1.0", "info": {"title": "Tiny"},
         "servers": [{"url": "https://tiny.example.com"}],
         "paths": {"/things": {"get": {"summary": "Things", "responses": {}}}}}
        """;
    assertThat(Importers.detect(json)).isEqualTo(ImportFormat.OPENAPI);
    ImportResult r = Importers.read(json);
    assertThat(r.panels().getFirst().asHttp().orElseThrow().url()).isEqualTo("${baseUrl}/things");
  }

  @Test
  void swagger2AndMalformedDocumentsAreRefusedClearly() throws Exception {
    String swagger = sample("petstore-swagger2.json");
    assertThatThrownBy(() -> OpenApiImporter.parse(swagger))
        .hasMessageContaining("Swagger 2.0")
        .hasMessageContaining("only OpenAPI 3");
    String broken = sample("malformed-openapi.yaml");
    assertThatThrownBy(() -> OpenApiImporter.parse(broken))
        .isInstanceOf(ImportException.class)
        .hasMessageMatching("line \\d+, column \\d+: not valid YAML or JSON: .*");
  }
}
