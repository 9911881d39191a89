package dev.fetchboard.ui.dashboard;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.RunRecord;
import dev.fetchboard.ui.model.TilePreview;
import dev.fetchboard.ui.result.ChartBuilder;
import dev.fetchboard.ui.result.ChartData;
import dev.fetchboard.workspace.ChartSpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One panel on the dashboard: title, kind, state, latency, a compact result (a compact chart for a
 * chart view) and a sparkline of recent latencies (of recent values for a value view).
 */
public final class TileView extends VBox {
  static final String STYLE = "tile";

  /** Runs the sparkline shows; the History tab shows all the panel keeps. */
  static final int SPARK_POINTS = 40;

  /** Points a tile's compact chart draws, a few per pixel at most. */
  static final int TILE_POINTS = 500;

  private final PanelViewModel vm;
  private final Label title = new Label();
  private final FontIcon kind = new FontIcon();
  private final Label state = new Label();
  private final FontIcon insecure = new FontIcon(Feather.UNLOCK);
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label detail = new Label();
  private final Label columns = new Label();
  private final Label value = new Label();
  private final Label problem = new Label();
  private final Label age = new Label();
  private final Sparkline sparkline = new Sparkline(110, 22);
  private final Sparkline chart = new Sparkline(DashboardView.MIN_TILE_WIDTH - 30, 64);
  private final Label chartNote = new Label();
  private final Tooltip sparkTip = new Tooltip();
  private final ChartBuilder charts = new ChartBuilder();

  /**
   * State shows as a pseudo-class, not a style class: 200 tiles change state several times a
   * second, and a pseudo-class change only re-applies the styles already matched, while a style
   * class change makes CSS match the whole tile again.
   */
  private static final Map<PanelState, PseudoClass> STATE_PSEUDO_CLASSES =
      new EnumMap<>(PanelState.class);

  static {
    for (PanelState s : PanelState.values()) {
      STATE_PSEUDO_CLASSES.put(s, PseudoClass.getPseudoClass(s.styleClass()));
    }
  }

  /**
   * Runs shorter than this never show the spinner, so quick refreshes do not make tiles flicker.
   */
  private static final javafx.util.Duration SPINNER_DELAY = javafx.util.Duration.millis(300);

  private final PauseTransition spinnerDelay = new PauseTransition(SPINNER_DELAY);
  private final Subscription links;

  public TileView(PanelViewModel vm) {
    this.vm = vm;
    getStyleClass().add(STYLE);
    setSpacing(6);
    setPrefWidth(DashboardView.MIN_TILE_WIDTH);
    spinner.setPrefSize(14, 14);
    spinner.setMaxSize(14, 14);
    spinner.setMinSize(14, 14);
    // Always laid out (only shown or hidden), so a state change does not re-lay the header out.
    spinner.setVisible(false);
    spinnerDelay.setOnFinished(e -> spinner.setVisible(isBusy(vm.state())));
    title.getStyleClass().add("tile-title");
    title.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(title, Priority.ALWAYS);
    state.getStyleClass().add("tile-state");
    state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    insecure.getStyleClass().add("tile-insecure");
    insecure.managedProperty().bind(insecure.visibleProperty());
    Tooltip.install(
        insecure,
        new Tooltip(
            "Insecure TLS: this panel does not check the server's certificate (insecure: true)"));
    var header = new HBox(6, kind, title, insecure, spinner, state);
    header.setAlignment(Pos.CENTER_LEFT);
    detail.getStyleClass().add("tile-detail");
    columns.getStyleClass().add("tile-table-header");
    value.getStyleClass().add("tile-value");
    problem.getStyleClass().add("tile-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.visibleProperty());
    age.getStyleClass().add("tile-age");
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var footer = new HBox(6, age, spacer, sparkline);
    footer.setAlignment(Pos.CENTER_LEFT);
    var grow = new Region();
    VBox.setVgrow(grow, Priority.ALWAYS);
    Tooltip.install(sparkline, sparkTip);
    chart.getStyleClass().add("tile-chart");
    chartNote.getStyleClass().add("tile-age");
    chart.widthProperty().bind(widthProperty().subtract(30));
    for (var n : List.of(columns, value, chart, chartNote)) {
      n.managedProperty().bind(n.visibleProperty());
    }
    columns.setVisible(false);
    getChildren().addAll(header, detail, columns, value, chart, chartNote, problem, grow, footer);

    // Everything that ties the tile to its panel, so a tile leaving the dashboard lets go of it
    // (a deleted panel lives on in the undo history; its old tile must not follow it).
    ListChangeListener<RunRecord> historyListener = c -> showHistory();
    vm.history().addListener(historyListener);
    links =
        Subscription.combine(
            vm.specProperty().subscribe((a, b) -> showSpec(b)),
            vm.stateProperty().subscribe((a, b) -> showState(a, b)),
            vm.detailProperty().subscribe(detail::setText),
            vm.previewProperty().subscribe(this::showPreview),
            vm.problemProperty().subscribe(this::showProblem),
            () -> vm.history().removeListener(historyListener),
            vm.resultProperty().subscribe((a, b) -> showChart()));
    showSpec(vm.spec());
    showState(null, vm.state());
  }

  /** Stops following the panel: the tile has left the dashboard for good. */
  void dispose() {
    links.unsubscribe();
    spinnerDelay.stop();
  }

  /** Column names over rows that line up under them, or a text that wraps. */
  private void showPreview(TilePreview p) {
    boolean table = p.header() != null;
    columns.setText(table ? p.header() : "");
    columns.setVisible(table && value.isVisible());
    // Rows of a table keep their lines (cells line up); a text wraps at the tile's edge.
    value.setWrapText(!table);
    value.setText(p.text());
  }

  private void showProblem(String text) {
    problem.setText(text);
    problem.setVisible(text != null);
  }

  public PanelViewModel viewModel() {
    return vm;
  }

  /** The numbers the sparkline draws (latencies in ms, or a value view's values). */
  public List<Double> sparklineValues() {
    return sparkline.values();
  }

  /** The numbers the compact chart draws (a chart view's y values). */
  public List<Double> chartValues() {
    return chart.values();
  }

  /** Latencies of the last runs; for a value view whose values are numbers, those values. */
  private void showHistory() {
    var runs = vm.history();
    var shown = runs.subList(Math.max(0, runs.size() - SPARK_POINTS), runs.size());
    boolean trend =
        vm.spec().viewOrDefault() == ViewKind.VALUE
            && shown.stream().anyMatch(r -> r.number() != null);
    List<Double> values =
        trend
            ? shown.stream().map(RunRecord::number).filter(n -> n != null).toList()
            : shown.stream()
                .filter(RunRecord::timed)
                .map(r -> (double) r.latency().toMillis())
                .toList();
    sparkline.draw(values);
    sparkTip.setText(trend ? "recent values" : "latency of the last runs (ms)");
  }

  /** A chart view plots its rows on the tile; the points are gathered on a worker thread. */
  private void showChart() {
    PanelSpec spec = vm.spec();
    RunResult r = vm.resultProperty().get();
    boolean isChart = spec.viewOrDefault() == ViewKind.CHART;
    chart.setVisible(isChart);
    chartNote.setVisible(isChart);
    value.setVisible(!isChart);
    columns.setVisible(!isChart && vm.previewProperty().get().header() != null);
    if (!isChart) {
      return;
    }
    if (r == null || r.table() == null) {
      chart.draw(List.of());
      chartNote.setText(r == null || r.error() != null ? "" : "No rows to chart.");
      return;
    }
    charts.build(
        r.table(),
        r.rowCount(),
        spec.chart(),
        TILE_POINTS,
        data -> {
          chart.draw(
              data.points().stream().map(ChartData.Point::value).toList(),
              data.type() == ChartSpec.Type.BAR);
          chartNote.setText(
              data.problem() != null
                  ? data.problem()
                  : data.y() + " over " + data.x() + (data.truncated() ? " (first points)" : ""));
        });
  }

  /** Refreshes "time since last run"; called about once a second. */
  void tick(Instant now) {
    Instant last = vm.lastRunAtProperty().get();
    if (last == null) {
      age.setText("");
      return;
    }
    long s = Duration.between(last, now).toSeconds();
    String text = s < 60 ? s + " s ago" : s / 60 + " min ago";
    if (!text.equals(age.getText())) {
      age.setText(text);
    }
  }

  private void showSpec(PanelSpec spec) {
    title.setText(spec.displayTitle());
    // A panel that skips certificate checks says so where it is seen, not only in its file.
    insecure.setVisible(
        spec.asHttp().filter(http -> Boolean.TRUE.equals(http.insecure())).isPresent());
    kind.setIconCode(
        switch (spec.source()) {
          case null -> Feather.GLOBE;
          case HttpRequestSpec _ -> Feather.GLOBE;
          case SqlQuerySpec _ -> Feather.DATABASE;
          case RedisCommandSpec _ -> Feather.LAYERS;
        });
    value.getStyleClass().remove("tile-value-large");
    if (spec.viewOrDefault() == ViewKind.VALUE) {
      value.getStyleClass().add("tile-value-large");
    }
    showChart();
    showHistory();
  }

  private void showState(PanelState old, PanelState now) {
    if (old != null) {
      pseudoClassStateChanged(STATE_PSEUDO_CLASSES.get(old), false);
    }
    pseudoClassStateChanged(STATE_PSEUDO_CLASSES.get(now), true);
    state.setText(now.label());
    if (isBusy(now)) {
      if (!spinner.isVisible() && spinnerDelay.getStatus() != Animation.Status.RUNNING) {
        spinnerDelay.playFromStart();
      }
    } else {
      spinnerDelay.stop();
      spinner.setVisible(false);
    }
  }

  private static boolean isBusy(PanelState s) {
    return s == PanelState.RUNNING || s == PanelState.QUEUED;
  }
}
