package dev.fetchboard.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The panels' series for Prometheus, kept in a registry of the Prometheus Java client: every label
 * value comes from the workspace (panel id, title, kind, check descriptions), so the number of
 * series is bounded by the file, and a panel removed from it loses its series.
 */
public final class PanelMetrics {
  /** Seconds: from a fast local call to a minute-long query. */
  static final double[] DURATION_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  private static final List<String> OUTCOMES = List.of("ok", "check_failed", "failed", "cancelled");

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Gauge up;
  private final Gauge lastRun;
  private final Histogram duration;
  private final Counter runs;
  private final Gauge value;
  private final Gauge rows;
  private final Gauge httpStatus;
  private final Gauge checkPassed;

  // The panels of the workspace in use, and the check labels each has shown: guarded by this.
  private final Map<String, PanelLabels> panels = new HashMap<>();
  private final Map<String, Set<String>> checkLabels = new HashMap<>();

  /**
   * @param version goes into {@code fetchboard_build_info{version}}
   * @param withJvm also export the JVM's own metrics (memory, threads, GC…)
   */
  public PanelMetrics(String version, boolean withJvm) {
    up =
        Gauge.builder()
            .name("fetchboard_panel_up")
            .help("1 when the panel's last run succeeded and its checks held, else 0")
            .labelNames("panel", "title", "kind")
            .register(registry);
    lastRun =
        Gauge.builder()
            .name("fetchboard_panel_last_run_timestamp_seconds")
            .help("When the panel's last run ended, in seconds since the epoch")
            .labelNames("panel")
            .register(registry);
    duration =
        Histogram.builder()
            .name("fetchboard_panel_duration_seconds")
            .help("How long the panel's runs took")
            .labelNames("panel")
            .classicOnly()
            .classicUpperBounds(DURATION_BUCKETS)
            .register(registry);
    runs =
        Counter.builder()
            .name("fetchboard_panel_runs_total")
            .help("Runs of the panel, by how they ended (ok, check_failed, failed, cancelled)")
            .labelNames("panel", "outcome")
            .register(registry);
    value =
        Gauge.builder()
            .name("fetchboard_panel_value")
            .help("The panel's value from its last run, when it is a number")
            .labelNames("panel")
            .register(registry);
    rows =
        Gauge.builder()
            .name("fetchboard_panel_rows")
            .help("Rows in the panel's last result")
            .labelNames("panel")
            .register(registry);
    httpStatus =
        Gauge.builder()
            .name("fetchboard_http_status")
            .help("The HTTP status of the panel's last response")
            .labelNames("panel")
            .register(registry);
    checkPassed =
        Gauge.builder()
            .name("fetchboard_check_passed")
            .help("1 when the check held in the panel's last run, else 0")
            .labelNames("panel", "check")
            .register(registry);
    Info.builder()
        .name("fetchboard_build_info")
        .help("The Fetchboard version serving these metrics")
        .labelNames("version")
        .register(registry)
        .setLabelValues(version);
    if (withJvm) {
      JvmMetrics.builder().register(registry);
    }
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * The workspace now has these panels: series of panels no longer in it go; new ones start with
   * their run counters at 0; a panel whose title or kind changed is relabelled at its next run.
   */
  public synchronized void keepOnly(List<PanelLabels> now) {
    var ids = new HashSet<String>();
    for (PanelLabels p : now) {
      ids.add(p.panel());
      PanelLabels before = panels.put(p.panel(), p);
      if (before == null) {
        for (String outcome : OUTCOMES) {
          runs.initLabelValues(p.panel(), outcome);
        }
      } else if (!before.equals(p)) {
        up.remove(before.panel(), before.title(), before.kind());
      }
    }
    for (String id : List.copyOf(panels.keySet())) {
      if (!ids.contains(id)) {
        forget(panels.remove(id));
      }
    }
  }

  /**
   * Records one finished run; a result of a panel that is no longer in the workspace is dropped.
   */
  public synchronized void record(ResultFacts r) {
    PanelLabels p = panels.get(r.panelId());
    if (p == null) {
      return;
    }
    String id = p.panel();
    runs.labelValues(id, r.outcome()).inc();
    if (r.cancelled()) {
      // Stopped by a reload or a shutdown: says nothing about the target.
      return;
    }
    up.labelValues(id, p.title(), p.kind()).set(r.up() ? 1 : 0);
    lastRun.labelValues(id).set(r.finishedAt());
    duration.labelValues(id).observe(r.elapsedSeconds());
    setOrRemove(value, id, r.value());
    setOrRemove(rows, id, r.rows() == null ? null : r.rows().doubleValue());
    setOrRemove(httpStatus, id, r.httpStatus() == null ? null : r.httpStatus().doubleValue());
    Set<String> seen = checkLabels.computeIfAbsent(id, k -> new HashSet<>());
    var now = new HashSet<String>();
    for (ResultFacts.CheckFact c : r.checks()) {
      String check = PanelLabels.cut(c.check());
      now.add(check);
      checkPassed.labelValues(id, check).set(c.passed() ? 1 : 0);
    }
    // A check removed from the panel, or not evaluated this time (the run failed), has no series
    // rather than a stale one.
    for (String old : seen) {
      if (!now.contains(old)) {
        checkPassed.remove(id, old);
      }
    }
    checkLabels.put(id, now);
  }

  private static void setOrRemove(Gauge gauge, String panel, Double v) {
    if (v == null) {
      // No value this time: no series, rather than the last one passing for current.
      gauge.remove(panel);
    } else {
      gauge.labelValues(panel).set(v);
    }
  }

  private void forget(PanelLabels p) {
    up.remove(p.panel(), p.title(), p.kind());
    lastRun.remove(p.panel());
    duration.remove(p.panel());
    value.remove(p.panel());
    rows.remove(p.panel());
    httpStatus.remove(p.panel());
    for (String outcome : OUTCOMES) {
      runs.remove(p.panel(), outcome);
    }
    for (String check : checkLabels.getOrDefault(p.panel(), Set.of())) {
      checkPassed.remove(p.panel(), check);
    }
    checkLabels.remove(p.panel());
  }
}
