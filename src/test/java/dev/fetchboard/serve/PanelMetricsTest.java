package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panels' series: labels from the workspace only, escaped, and gone with their panel. */
class PanelMetricsTest {
  private final PanelMetrics metrics = new PanelMetrics("1.2.3", false);

  private static ResultFacts ok(String panel, Double value, List<ResultFacts.CheckFact> checks) {
    return new ResultFacts(panel, true, "ok", false, 0.042, 1.7e9, 200, 3, value, checks);
  }

  private String text() throws IOException {
    var out = new ByteArrayOutputStream();
    ExpositionFormats.init()
        .getPrometheusTextFormatWriter()
        .write(out, metrics.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunBecomesUpValueRowsStatusChecksAndADurationInItsBucket() throws Exception {
    metrics.keepOnly(List.of(new PanelLabels("orders", "Orders", "http", true)));
    metrics.record(ok("orders", 12.5, List.of(new ResultFacts.CheckFact("status 200", true))));
    assertThat(text())
        .contains("fetchboard_panel_up{kind=\"http\",panel=\"orders\",title=\"Orders\"} 1.0")
        .contains("fetchboard_panel_value{panel=\"orders\"} 12.5")
        .contains("fetchboard_panel_rows{panel=\"orders\"} 3.0")
        .contains("fetchboard_http_status{panel=\"orders\"} 200.0")
        .contains("fetchboard_check_passed{check=\"status 200\",panel=\"orders\"} 1.0")
        .contains("fetchboard_panel_duration_seconds_bucket{panel=\"orders\",le=\"0.025\"} 0")
        .contains("fetchboard_panel_duration_seconds_bucket{panel=\"orders\",le=\"0.05\"} 1")
        .contains("fetchboard_panel_runs_total{outcome=\"ok\",panel=\"orders\"} 1.0")
        .contains("fetchboard_panel_runs_total{outcome=\"failed\",panel=\"orders\"} 0.0")
        .contains("fetchboard_build_info{version=\"1.2.3\"} 1");
  }

  @Test
  void labelValuesAreEscaped() throws Exception {
    metrics.keepOnly(List.of(new PanelLabels("p", "say \"hi\" \\ \nnew line", "http", false)));
    metrics.record(ok("p", null, List.of()));
    assertThat(text()).contains("title=\"say \\\"hi\\\" \\\\ \\nnew line\"");
  }

  @Test
  void aFailedRunIsDownAndLeavesNoStaleValueStatusOrChecks() throws Exception {
    metrics.keepOnly(List.of(new PanelLabels("p", "P", "http", true)));
    metrics.record(ok("p", 5.0, List.of(new ResultFacts.CheckFact("status 200", true))));
    metrics.record(
        new ResultFacts("p", false, "failed", false, 2, 1.7e9, null, null, null, List.of()));
    assertThat(text())
        .contains("fetchboard_panel_up{kind=\"http\",panel=\"p\",title=\"P\"} 0.0")
        .contains("fetchboard_panel_runs_total{outcome=\"failed\",panel=\"p\"} 1.0")
        .doesNotContain("fetchboard_panel_value{")
        .doesNotContain("fetchboard_http_status{")
        .doesNotContain("fetchboard_check_passed{");
  }

  @Test
  void aCancelledRunIsCountedButSaysNothingAboutTheTarget() throws Exception {
    metrics.keepOnly(List.of(new PanelLabels("p", "P", "http", true)));
    metrics.record(ok("p", 5.0, List.of()));
    metrics.record(
        new ResultFacts("p", false, "cancelled", true, 1, 1.7e9, null, null, null, List.of()));
    assertThat(text())
        .contains("fetchboard_panel_up{kind=\"http\",panel=\"p\",title=\"P\"} 1.0")
        .contains("fetchboard_panel_runs_total{outcome=\"cancelled\",panel=\"p\"} 1.0");
  }

  @Test
  void aPanelRemovedOrRenamedLosesItsOldSeriesAndUnknownPanelsAddNone() throws Exception {
    metrics.keepOnly(
        List.of(new PanelLabels("a", "A", "http", true), new PanelLabels("b", "B", "sql", true)));
    metrics.record(ok("a", 1.0, List.of(new ResultFacts.CheckFact("value > 0", true))));
    metrics.record(ok("b", 2.0, List.of()));
    metrics.keepOnly(List.of(new PanelLabels("b", "B renamed", "sql", true)));
    metrics.record(ok("a", 1.0, List.of()));
    metrics.record(ok("ghost", 1.0, List.of()));
    String text = text();
    assertThat(text).doesNotContain("panel=\"a\"").doesNotContain("ghost");
    assertThat(text).doesNotContain("title=\"B\"");
    metrics.record(ok("b", 2.0, List.of()));
    assertThat(text()).contains("title=\"B renamed\"");
  }

  @Test
  void numbersAreReadFromNumbersBooleansAndDecimalTextOnly() {
    assertThat(ResultFacts.number(42L)).isEqualTo(42.0);
    assertThat(ResultFacts.number(new java.math.BigDecimal("0.25"))).isEqualTo(0.25);
    assertThat(ResultFacts.number(true)).isEqualTo(1.0);
    assertThat(ResultFacts.number(" 17.5 ")).isEqualTo(17.5);
    assertThat(ResultFacts.number("ok")).isNull();
    assertThat(ResultFacts.number("NaN")).isNull();
    assertThat(ResultFacts.number(Double.POSITIVE_INFINITY)).isNull();
    assertThat(ResultFacts.number(java.time.Instant.EPOCH)).isNull();
    assertThat(ResultFacts.number(null)).isNull();
  }
}
