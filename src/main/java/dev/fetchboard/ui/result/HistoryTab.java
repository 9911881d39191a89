package dev.fetchboard.ui.result;

import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.RunRecord;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.Durations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The History tab: the panel's last runs (newest first) with time, outcome, status, latency, rows,
 * size and message, above a chart of their latencies. It reads the same history as the tile.
 */
public final class HistoryTab extends SplitPane {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final TableView<RunRecord> runs = new TableView<>();
  private final XYChart.Series<Number, Number> latencies = new XYChart.Series<>();
  private final LineChart<Number, Number> chart;
  private final NumberAxis xAxis = new NumberAxis();
  private final ListChangeListener<RunRecord> onChange = c -> refresh();
  private PanelViewModel shown;
  private boolean active;
  private boolean stale;

  public HistoryTab() {
    getStyleClass().add("history-tab");
    setOrientation(Orientation.VERTICAL);
    runs.setId("history-runs");
    runs.setPlaceholder(new Label("No runs yet"));
    // As dense as the result table: one line per run.
    runs.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    runs.setFixedCellSize(ResultTableView.ROW_HEIGHT);
    runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    runs.getColumns()
        .addAll(
            java.util.List.of(
                column("time", 80, r -> TIME.format(r.at())),
                column(
                    "outcome",
                    100,
                    r -> r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
                column("status", 80, r -> r.status() == null ? "" : r.status().toString()),
                column("latency", 80, r -> r.timed() ? Durations.human(r.latency()) : ""),
                column("rows", 70, r -> r.rows() == 0 ? "" : String.format("%,d", r.rows())),
                column("size", 80, r -> r.bytes() == 0 ? "" : ByteSize.human(r.bytes())),
                column("message", 200, RunRecord::message)));
    xAxis.setLabel("run");
    xAxis.setAutoRanging(false);
    xAxis.setMinorTickVisible(false);
    var yAxis = new NumberAxis();
    yAxis.setLabel("latency (ms)");
    chart = new LineChart<>(xAxis, yAxis);
    chart.setId("history-latency");
    chart.getStyleClass().add("history-chart");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCreateSymbols(false);
    chart.getData().add(latencies);
    getItems().addAll(runs, chart);
    setDividerPositions(0.55);
  }

  /** The runs listed (newest first), for tests. */
  public TableView<RunRecord> runs() {
    return runs;
  }

  /** The latency points charted (x: run number, y: ms), for tests. */
  public XYChart.Series<Number, Number> latencies() {
    return latencies;
  }

  /** Shows a panel's history and follows it as runs finish. */
  public void show(PanelViewModel vm) {
    if (shown != null) {
      shown.history().removeListener(onChange);
    }
    shown = vm;
    if (vm != null) {
      vm.history().addListener(onChange);
    }
    refresh();
  }

  /** The tab was selected (true) or left (false); a hidden tab is brought up to date when shown. */
  public void setActive(boolean isActive) {
    active = isActive;
    if (active && stale) {
      refresh();
    }
  }

  private void refresh() {
    stale = !active;
    if (stale) {
      return;
    }
    if (shown == null || shown.history().isEmpty()) {
      runs.getItems().clear();
      latencies.getData().clear();
      // "No runs yet" alone, without empty axes under it.
      getItems().remove(chart);
      return;
    }
    if (!getItems().contains(chart)) {
      getItems().add(chart);
      setDividerPositions(0.55);
    }
    var history = shown.history();
    var newestFirst = new ArrayList<RunRecord>(history);
    java.util.Collections.reverse(newestFirst);
    runs.getItems().setAll(newestFirst);
    var points = new ArrayList<XYChart.Data<Number, Number>>(history.size());
    for (int i = 0; i < history.size(); i++) {
      RunRecord r = history.get(i);
      if (r.timed()) {
        points.add(new XYChart.Data<>(i + 1, r.latency().toMillis()));
      }
    }
    // Runs are whole numbers: ticks on whole runs only.
    xAxis.setLowerBound(1);
    xAxis.setUpperBound(Math.max(2, history.size()));
    xAxis.setTickUnit(Math.max(1, Math.ceil(history.size() / 10.0)));
    latencies.getData().setAll(points);
  }

  private static TableColumn<RunRecord, String> column(
      String name, double width, Function<RunRecord, String> text) {
    var c = new TableColumn<RunRecord, String>(name);
    c.setPrefWidth(width);
    c.setMinWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
    return c;
  }
}
