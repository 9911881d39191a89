package dev.fetchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChartSpecTest {
  private final WorkspaceFile files = new WorkspaceFile();

  private static String withChart(String chart) {
    return """
        fetchboard: 1
        panels:
          - id: sales
            sql: { connection: db, query: "select day, total from sales" }
            view: chart
            chart: %s
        connections:
          db: { url: "postgresql://127.0.0.1/shop" }
        """
        .formatted(chart);
  }

  @Test
  void aChartChoiceIsReadAndWrittenBackUnchanged() throws Exception {
    Workspace ws = files.parse(withChart("{x: day, y: total, type: bar}"), null);
    PanelSpec p = ws.panels().getFirst();
    assertThat(p.viewOrDefault()).isEqualTo(ViewKind.CHART);
    assertThat(p.chart()).isEqualTo(new ChartSpec("day", "total", ChartSpec.Type.BAR));
    String yaml = files.toYaml(ws);
    // YAML 1.1 reads a bare y as "yes", so the writer quotes the key; both spellings read back.
    assertThat(yaml).contains("chart:\n      x: day\n      \"y\": total\n      type: bar");
    assertThat(files.parse(yaml, null)).isEqualTo(ws);
  }

  @Test
  void aMissingTypeStaysMissingSoTheChartPicksIt() throws Exception {
    Workspace ws = files.parse(withChart("{x: day, y: total}"), null);
    assertThat(ws.panels().getFirst().chart().type()).isNull();
    assertThat(files.toYaml(ws)).doesNotContain("type:");
  }

  @Test
  void anUnknownTypeIsReportedAtItsField() {
    assertThatThrownBy(() -> files.parse(withChart("{x: day, y: total, type: pie}"), null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("panels[0].chart.type")
        .hasMessageContaining("unknown chart type 'pie' (expected line or bar)");
  }

  @Test
  void missingOrBadColumnsAreReportedAtTheirField() {
    assertThatThrownBy(() -> files.parse(withChart("{y: total}"), null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("panels[0].chart.x: name the column along the bottom");
    assertThatThrownBy(() -> files.parse(withChart("{x: day, y: \"\"}"), null))
        .hasMessageContaining("panels[0].chart.y: name the column of numbers to plot");
    assertThatThrownBy(() -> files.parse(withChart("{x: \"a\\tb\", y: total}"), null))
        .hasMessageContaining("panels[0].chart.x: 'a\\u0009b' cannot be a column name");
    assertThatThrownBy(() -> files.parse(withChart("{x: day, y: total, colour: red}"), null))
        .hasMessageContaining("unknown key 'colour'");
  }

  @Test
  void theCompleteExampleInTheDocsReads() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/workspace.md"));
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    Workspace ws = files.parse(example, null);
    assertThat(ws.panel("orders-per-day").orElseThrow().chart())
        .isEqualTo(new ChartSpec("day", "orders", ChartSpec.Type.BAR));
  }
}
