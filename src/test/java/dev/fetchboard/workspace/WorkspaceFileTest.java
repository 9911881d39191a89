package dev.fetchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {
  private final WorkspaceFile files = new WorkspaceFile();
  @TempDir Path dir;

  private static final String SAMPLE =
      """
      fetchboard: 1
      name: Shop health
      environment: local
      environments:
        local:
          api: http://127.0.0.1:8080
        prod:
          api: https://api.example.com
      connections:
        shop:
          url: postgresql://app@127.0.0.1:5432/shop
          password: ${env:SHOP_DB_PASSWORD}
          maxConcurrency: 8
      panels:
        - id: orders-api
          title: Orders API
          http:
            method: GET
            url: ${api}/orders?limit=50
            headers:
              Accept: application/json
            auth:
              bearer: ${env:API_TOKEN}
            timeout: 5s
          view: table
          rows: $.items
          refresh: 10s
          checks:
            - status: 200
            - latencyUnder: 500ms
            - jsonPath:
                path: $.items[0].id
                exists: true
        - id: open-orders
          title: Open orders
          sql:
            connection: shop
            query: select count(*) from orders where status = :status
            params:
              status: open
          view: value
          refresh: 30s
          checks:
            - value:
                greaterThan: 0
      """;

  @Test
  void readsEveryPartOfTheDocumentedShape() throws Exception {
    Workspace ws = files.parse(SAMPLE, null);
    assertThat(ws.name()).isEqualTo("Shop health");
    assertThat(ws.activeVariables()).containsEntry("api", "http://127.0.0.1:8080");
    assertThat(ws.connections().get("shop").password()).isEqualTo("${env:SHOP_DB_PASSWORD}");
    PanelSpec api = ws.panels().get(0);
    assertThat(api.http().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(api.http().auth().bearer()).isEqualTo("${env:API_TOKEN}");
    assertThat(api.refresh()).isEqualTo(Duration.ofSeconds(10));
    assertThat(api.checks()).hasSize(3);
    assertThat(api.checks().get(0).status()).containsExactly(200);
    assertThat(api.checks().get(1).latencyUnder()).isEqualTo(Duration.ofMillis(500));
    PanelSpec sql = ws.panels().get(1);
    assertThat(sql.sql().params()).containsEntry("status", "open");
    assertThat(sql.viewOrDefault()).isEqualTo(ViewKind.VALUE);
  }

  @Test
  void savingKeepsReferencesAndRoundTripsExactly() throws Exception {
    Workspace ws = files.parse(SAMPLE, null);
    Path file = dir.resolve("shop.yaml");
    files.write(ws, file);
    String saved = Files.readString(file);
    assertThat(saved).contains("${env:SHOP_DB_PASSWORD}").contains("${env:API_TOKEN}");
    assertThat(files.read(file)).isEqualTo(ws);
    // Saving again changes nothing: stable order and formatting give small diffs in git.
    files.write(files.read(file), file);
    assertThat(Files.readString(file)).isEqualTo(saved);
    assertThat(saved.indexOf("fetchboard: 1")).isZero();
    assertThat(saved.indexOf("panels:")).isGreaterThan(saved.indexOf("connections:"));
  }

  @Test
  void malformedYamlIsReportedWithLineAndColumn() {
    String bad = "fetchboard: 1\nname: x\npanels:\n  - id: a\n    http: { url: [unclosed\n";
    assertThatThrownBy(() -> files.parse(bad, Path.of("bad.yaml")))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageMatching("(?s)bad\\.yaml:\\d+:\\d+: not valid YAML.*");
  }

  @Test
  void wrongTypesAndUnknownKeysNameTheFieldAndLine() {
    String typo =
        "fetchboard: 1\npanels:\n  - id: a\n    http: { url: http://x }\n    refesh: 10s\n";
    assertThatThrownBy(() -> files.parse(typo, null))
        .hasMessageContaining("line 5")
        .hasMessageContaining("unknown key 'refesh': did you mean 'refresh'?");
    // Far from every known key: no guess.
    assertThatThrownBy(
            () ->
                files.parse(
                    "fetchboard: 1\npanels:\n  - id: a\n    http: { url: http://x }\n    zzz: 1\n",
                    null))
        .hasMessageContaining("unknown key 'zzz' (known keys:");
    String badDuration =
        "fetchboard: 1\npanels:\n  - id: a\n    http: { url: http://x, timeout: soon }\n";
    assertThatThrownBy(() -> files.parse(badDuration, null))
        .hasMessageContaining("panels[0].http.timeout")
        .hasMessageContaining("'soon' is not a duration");
  }

  @Test
  void invalidContentIsReportedAtItsField() {
    String text =
        """
        fetchboard: 1
        panels:
          - id: a
            http: { url: "ftp://example.com/file" }
          - id: a
            sql: { connection: nowhere, query: select 1 }
        """;
    assertThatThrownBy(() -> files.parse(text, Path.of("w.yaml")))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("w.yaml:4:")
        .hasMessageContaining("panels[0].http.url: only http and https URLs are supported")
        .hasMessageContaining("panels[1].id: another panel already has the id 'a'")
        .hasMessageContaining("no connection named 'nowhere'");
  }

  @Test
  void absurdLongAndControlValuesGetAMessageAtTheirFieldThatDoesNotEchoThemWhole() {
    String longId = "x".repeat(5000);
    String text =
        "fetchboard: 1\npanels:\n"
            + "  - id: "
            + longId
            + "\n    title: \"bad\\e[31m\"\n    http: { url: \"http://h/"
            + "a".repeat(70_000)
            + "\", maxBytes: 10GB, timeout: 2h }\n    refresh: 0s\n"
            + "  - id: b\n    title: \""
            + "t".repeat(201)
            + "\"\n    sql: { connection: db, query: select 1, maxRows: -1 }\n"
            + "connections:\n  db: { url: \"postgresql://h/d\", maxConcurrency: 0 }\n";
    assertThatThrownBy(() -> files.parse(text, Path.of("w.yaml")))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("panels[0].id: '" + "x".repeat(60) + "…' is not a valid id")
        .hasMessageContaining("panels[0].title: a title cannot contain control characters")
        .hasMessageContaining("panels[0].http.url: a URL can be at most 64 KB")
        .hasMessageContaining("panels[0].http.maxBytes: maxBytes can be at most 2GB")
        .hasMessageContaining("panels[0].http.timeout: timeout must be more than 0 and at most 1h")
        .hasMessageContaining("panels[0].refresh: refresh must be at least 500ms")
        .hasMessageContaining("panels[1].title: a title can be at most 200 characters")
        .hasMessageContaining("panels[1].sql.maxRows: maxRows must be between 1 and 10,000,000")
        .hasMessageContaining("connections.db.maxConcurrency: maxConcurrency must be between 1")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(3000));
  }

  @Test
  void aFileFromANewerVersionIsRefusedPlainly() {
    assertThatThrownBy(() -> files.parse("fetchboard: 7\nname: x\n", null))
        .hasMessageContaining("written by a newer Fetchboard (format 7)");
  }

  @Test
  void aPlainPasswordIsRefusedSoSecretsNeverSitInTheFile() {
    String text =
        "fetchboard: 1\nconnections:\n  db:\n    url: postgresql://a@h/d\n    password: hunter2\n";
    assertThatThrownBy(() -> files.parse(text, null))
        .hasMessageContaining("connections.db.password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAsItWas() throws Exception {
    Path file = dir.resolve("keep.yaml");
    Files.writeString(file, SAMPLE);
    Path missingFolder = dir.resolve("no/such/folder/keep.yaml");
    assertThatThrownBy(() -> files.write(Workspace.named("x"), missingFolder))
        .isInstanceOf(java.io.IOException.class);
    assertThat(Files.readString(file)).isEqualTo(SAMPLE);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.yaml");
    }
  }

  @Test
  void variablesResolveFromEnvironmentAndProcessAndNameUnknownOnes() throws Exception {
    var vars =
        new Variables(
            Map.of("api", "http://h", "nested", "${api}/v1"), Map.of("TOKEN", "t0k")::get);
    assertThat(vars.resolve("${nested}/x?t=${env:TOKEN}", "w")).isEqualTo("http://h/v1/x?t=t0k");
    assertThat(vars.resolve("$${literal}", "w")).isEqualTo("${literal}");
    assertThatThrownBy(() -> vars.resolve("${nope}", "panel 'p', field url"))
        .hasMessage("panel 'p', field url: unknown variable ${nope} (known: api, nested)");
    assertThatThrownBy(() -> vars.resolve("${env:UNSET_X}", "panel 'p', field url"))
        .hasMessageContaining("environment variable UNSET_X is not set");
    var loop = new Variables(Map.of("a", "${b}", "b", "${a}"), k -> null);
    assertThatThrownBy(() -> loop.resolve("${a}", "w")).hasMessageContaining("loop");
  }
}
