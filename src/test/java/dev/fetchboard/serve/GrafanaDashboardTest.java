package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard is what Grafana's import takes: a current schema version, unique panel ids,
 * a Prometheus data source variable every panel uses, and PromQL that Prometheus's own {@code
 * promtool} accepts.
 */
class GrafanaDashboardTest {
  @TempDir Path dir;

  private static Workspace workspace() {
    var value =
        PanelSpec.http("api.health", "API \"health\"", HttpRequestSpec.get("http://x/health"))
            .withView(ViewKind.VALUE);
    var table = PanelSpec.http("orders", "Orders", HttpRequestSpec.get("http://x/orders"));
    var sql = PanelSpec.sql("open-orders", null, SqlQuerySpec.of("db", "select 1"));
    return Workspace.named("Shop / health").withPanels(List.of(value, table, sql));
  }

  @Test
  void oneGrafanaPanelPerWorkspacePanelAfterTheUpTimeline() {
    JsonNode d = GrafanaDashboard.of(workspace());
    assertThat(d.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    assertThat(d.get("uid").asText()).isEqualTo("fetchboard-shop-health").hasSizeLessThan(41);
    assertThat(d.get("title").asText()).isEqualTo("Shop / health");
    JsonNode panels = d.get("panels");
    assertThat(panels.valueStream().map(p -> p.get("type").asText()))
        .containsExactly("state-timeline", "stat", "timeseries", "timeseries");
    assertThat(panels.get(1).get("title").asText()).isEqualTo("API \"health\"");
    assertThat(panels.get(1).get("targets").get(0).get("expr").asText())
        .isEqualTo("fetchboard_panel_value{panel=\"api.health\", instance=~\"$instance\"}");
    assertThat(panels.get(3).get("title").asText()).startsWith("open-orders");
    var ids = new HashSet<Integer>();
    for (JsonNode p : panels) {
      assertThat(ids.add(p.get("id").asInt())).as("unique id %s", p.get("id")).isTrue();
      assertThat(p.get("gridPos").get("w").asInt()).isBetween(1, 24);
      assertThat(p.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
      for (JsonNode t : p.get("targets")) {
        assertThat(t.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
        assertThat(t.get("refId").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void thePrometheusDataSourceIsAVariableChosenOnImport() {
    JsonNode vars = GrafanaDashboard.of(workspace()).get("templating").get("list");
    JsonNode ds =
        vars.valueStream()
            .filter(v -> v.get("name").asText().equals("datasource"))
            .findFirst()
            .orElseThrow();
    assertThat(ds.get("type").asText()).isEqualTo("datasource");
    assertThat(ds.get("query").asText()).isEqualTo("prometheus");
  }

  @Test
  void everyTargetIsPromqlThatPromtoolAccepts() throws Exception {
    List<String> exprs = new ArrayList<>();
    GrafanaDashboard.of(workspace())
        .get("panels")
        .forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(5);
    assertThat(promtoolRules(exprs)).startsWith("SUCCESS");
    // The check itself can fail: promtool refuses what Prometheus could not parse.
    assertThat(promtoolRules(List.of("sum(fetchboard_panel_up"))).startsWith("exit ");
  }

  @Test
  void theCommandPrintsTheDashboardForAWorkspaceFile() throws Exception {
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(
        ws,
        "fetchboard: 1\nname: Team\npanels:\n  - id: a\n    http: { url: \"http://127.0.0.1:1/\" }\n");
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int code =
        dev.fetchboard.cli.FetchboardCommand.execute(
            new String[] {"grafana", ws.toString()},
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    JsonNode d = new ObjectMapper().readTree(out.toString());
    assertThat(d.get("panels")).hasSize(2);
  }

  /**
   * What {@code promtool check rules} says of a rule file holding the expressions, with Grafana's
   * variables given values as Grafana would ("SUCCESS…", or "exit N: …").
   */
  private String promtoolRules(List<String> exprs) throws IOException, InterruptedException {
    var mapper = new ObjectMapper();
    ObjectNode file = mapper.createObjectNode();
    var rules = file.putArray("groups").addObject().put("name", "grafana").putArray("rules");
    int n = 0;
    for (String e : exprs) {
      String concrete = e.replace("$__rate_interval", "1m").replace("$instance", ".*");
      rules.addObject().put("record", "fetchboard:grafana_target_" + n++).put("expr", concrete);
    }
    Path rulesFile = dir.resolve("rules-" + System.nanoTime() + ".yml");
    // JSON is YAML: promtool reads it as written.
    Files.writeString(rulesFile, mapper.writeValueAsString(file));
    Process p =
        new ProcessBuilder("promtool", "check", "rules", rulesFile.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    return code == 0
        ? said.lines()
            .map(String::trim)
            .filter(l -> l.startsWith("SUCCESS"))
            .findFirst()
            .orElse(said)
        : "exit " + code + ": " + said;
  }
}
