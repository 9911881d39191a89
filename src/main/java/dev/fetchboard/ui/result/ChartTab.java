package dev.fetchboard.ui.result;

import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.workspace.ChartSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Chart tab: a numeric column over a label or time column, as a line or bars, for SQL rows and
 * JSON tables alike. The user picks the columns and type here; "Keep in workspace" saves the choice
 * on the panel ({@code chart:}).
 */
public final class ChartTab extends BorderPane {
  /** Bar charts label every bar up to this many; beyond it the labels would only overlap. */
  private static final int LABELLED_BARS = 60;

  private final ComboBox<String> x = new ComboBox<>();
  private final ComboBox<String> y = new ComboBox<>();
  private final ComboBox<ChartSpec.Type> type =
      new ComboBox<>(FXCollections.observableArrayList(ChartSpec.Type.values()));
  private final Button keep = new Button("Keep in workspace");
  private final Label notice = new Label();
  private final Label placeholder = new Label();
  private final StackPane plot = new StackPane();
  private final ChartBuilder builder;
  private Consumer<PanelSpec> onKeep = spec -> {};
  private PanelViewModel shown;
  private ChartSpec picked;
  private ChartData data;
  private XYChart<?, ?> chart;
  private boolean updatingChoices;
  private boolean active;
  private boolean stale;

  public ChartTab(UiExecutor ui) {
    builder = new ChartBuilder(ui);
    getStyleClass().add("chart-tab");
    x.setId("chart-x");
    y.setId("chart-y");
    type.setId("chart-type");
    keep.setId("chart-keep");
    type.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(ChartSpec.Type t) {
            return t == null ? "" : t.key();
          }

          @Override
          public ChartSpec.Type fromString(String s) {
            return ChartSpec.Type.of(s);
          }
        });
    x.valueProperty().addListener((o, a, b) -> picked());
    y.valueProperty().addListener((o, a, b) -> picked());
    type.valueProperty().addListener((o, a, b) -> picked());
    keep.setOnAction(e -> keepChoice());
    keep.setMinWidth(Region.USE_PREF_SIZE);
    // Column pickers give way before the type and the button when the pane is narrow.
    x.setPrefWidth(140);
    y.setPrefWidth(140);
    x.setMinWidth(70);
    y.setMinWidth(70);
    type.setMinWidth(Region.USE_PREF_SIZE);
    notice.getStyleClass().add("result-counts");
    placeholder.getStyleClass().add("chart-placeholder");
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var bar = new HBox(8, new Label("x"), x, new Label("y"), y, type, spacer, keep);
    bar.setAlignment(Pos.CENTER_LEFT);
    notice.managedProperty().bind(notice.textProperty().isNotEmpty());
    notice.setWrapText(true);
    var top = new VBox(4, bar, notice);
    top.setPadding(new Insets(6));
    setTop(top);
    plot.getChildren().add(placeholder);
    setCenter(plot);
    show(null);
  }

  /** Where "Keep in workspace" sends the panel with its new chart choice. */
  public void setOnKeep(Consumer<PanelSpec> onKeep) {
    this.onKeep = onKeep;
  }

  /** The chart shown, or null (for tests). */
  public XYChart<?, ?> chart() {
    return chart;
  }

  /** The data behind the chart shown, or null. */
  public ChartData data() {
    return data;
  }

  /**
   * Charts a panel's table (or says why not); another panel starts from its saved choice. While the
   * tab is hidden nothing is built: a chart laid out unseen would only cost frames.
   */
  public void show(PanelViewModel vm) {
    if (vm != shown) {
      picked = null;
    }
    shown = vm;
    stale = true;
    if (active) {
      rebuild();
    }
  }

  /** The tab was selected (true) or left (false). */
  public void setActive(boolean isActive) {
    active = isActive;
    if (active && stale) {
      rebuild();
    }
  }

  private void rebuild() {
    stale = false;
    if (shown == null || shown.tableProperty().get() == null) {
      builder.cancel();
      showData(
          ChartData.empty(
              ChartSpec.Type.LINE,
              shown == null ? "Select a panel." : "Run the panel to chart its rows."));
      return;
    }
    ChartSpec choice = picked != null ? picked : shown.spec().chart();
    builder.build(
        shown.tableProperty().get(),
        (int) shown.rowsSoFarProperty().get(),
        choice,
        ChartData.MAX_POINTS,
        this::showData);
  }

  private void picked() {
    if (updatingChoices || shown == null) {
      return;
    }
    picked = new ChartSpec(x.getValue(), y.getValue(), type.getValue());
    rebuild();
  }

  private void keepChoice() {
    if (shown != null && data != null && data.problem() == null) {
      onKeep.accept(shown.spec().withChart(data.spec()));
      keep.setDisable(true);
    }
  }

  private void showData(ChartData d) {
    data = d;
    updatingChoices = true;
    try {
      x.getItems().setAll(d.xChoices());
      y.getItems().setAll(d.yChoices());
      x.setValue(d.x());
      y.setValue(d.y());
      type.setValue(d.type());
    } finally {
      updatingChoices = false;
    }
    boolean usable = d.problem() == null;
    for (var c : List.of(x, y, type)) {
      c.setDisable(d.xChoices().isEmpty());
    }
    keep.setDisable(!usable || shown == null || Objects.equals(shown.spec().chart(), d.spec()));
    notice.setText(usable ? d.notice() : "");
    if (!usable) {
      placeholder.setText(d.problem());
      plot.getChildren().setAll(placeholder);
      chart = null;
      return;
    }
    chart = d.type() == ChartSpec.Type.BAR ? barChart(d) : lineChart(d);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.getStyleClass().add("result-chart");
    plot.getChildren().setAll(chart);
  }

  /** Points along a number axis by row order, labelled with their x values. */
  private static LineChart<Number, Number> lineChart(ChartData d) {
    var points = d.points();
    var xAxis = new NumberAxis();
    xAxis.setAutoRanging(false);
    xAxis.setLowerBound(0);
    xAxis.setUpperBound(Math.max(1, points.size() - 1));
    xAxis.setTickUnit(Math.max(1, Math.ceil((points.size() - 1) / 8.0)));
    xAxis.setMinorTickVisible(false);
    xAxis.setTickLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Number n) {
            int i = n.intValue();
            return i == n.doubleValue() && i >= 0 && i < points.size() ? points.get(i).label() : "";
          }

          @Override
          public Number fromString(String s) {
            return 0;
          }
        });
    xAxis.setLabel(d.x());
    var yAxis = new NumberAxis();
    yAxis.setLabel(d.y());
    yAxis.setForceZeroInRange(false);
    var series = new XYChart.Series<Number, Number>();
    var data = new java.util.ArrayList<XYChart.Data<Number, Number>>(points.size());
    for (int i = 0; i < points.size(); i++) {
      data.add(new XYChart.Data<>(i, points.get(i).value()));
    }
    series.getData().setAll(data);
    var chart = new LineChart<>(xAxis, yAxis);
    // A symbol is a node per point; a line of many points reads better without them.
    chart.setCreateSymbols(points.size() <= 100);
    chart.getData().add(series);
    return chart;
  }

  /** One bar per point; repeated labels get a count so each row keeps its own bar. */
  private static BarChart<String, Number> barChart(ChartData d) {
    var xAxis = new CategoryAxis();
    xAxis.setLabel(d.x());
    xAxis.setTickLabelsVisible(d.points().size() <= LABELLED_BARS);
    var yAxis = new NumberAxis();
    yAxis.setLabel(d.y());
    var seen = new HashMap<String, Integer>();
    var categories = new java.util.ArrayList<String>(d.points().size());
    var series = new XYChart.Series<String, Number>();
    var data = new java.util.ArrayList<XYChart.Data<String, Number>>(d.points().size());
    for (ChartData.Point p : d.points()) {
      int n = seen.merge(p.label(), 1, Integer::sum);
      String label = n == 1 ? p.label() : p.label() + " (" + n + ")";
      categories.add(label);
      data.add(new XYChart.Data<>(label, p.value()));
    }
    xAxis.setCategories(FXCollections.observableArrayList(categories));
    series.getData().setAll(data);
    var chart = new BarChart<>(xAxis, yAxis);
    chart.setBarGap(0);
    chart.setCategoryGap(d.points().size() > LABELLED_BARS ? 0 : 4);
    chart.getData().add(series);
    return chart;
  }
}
