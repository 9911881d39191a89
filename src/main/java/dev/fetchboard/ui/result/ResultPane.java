package dev.fetchboard.ui.result;

import dev.fetchboard.engine.CheckOutcome;
import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.UiTask;
import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.Durations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The full result of the selected panel: a summary line, the error with details on demand, and tabs
 * for the rows, a chart of them, the body, the headers, the checks and the panel's run history.
 */
public final class ResultPane extends BorderPane {
  private final Label summary = new Label("Select a panel and press Run.");
  private final Label notice = new Label();
  private final Label error = new Label();
  private final TextArea details = new TextArea();
  private final TitledPane detailsPane = new TitledPane("Details", details);
  private final ResultTableView table;
  private final BodyView body;
  private final ChartTab chart;
  private final HistoryTab history = new HistoryTab();
  private final TextArea headers = new TextArea();
  private final TextArea checks = new TextArea();
  private final TabPane tabs = new TabPane();
  private final RowsView rows;
  private final Tab rowsTab;
  private final Tab bodyTab;
  private final Tab headersTab = new Tab("Headers", headers);
  private final Tab chartTab;
  private final Tab checksTab = new Tab("Checks", checks);
  private final Tab historyTab = new Tab("History", history);
  private final Label empty = new Label("Select a panel and press Run.");
  private final VBox top;
  private final StackPane emptyState = new StackPane(empty);
  private final UiExecutor ui;
  private RunResult shownResult;
  private PanelViewModel shown;
  // What ties the pane to the panel it shows; let go of when another is shown.
  private javafx.util.Subscription watch = javafx.util.Subscription.EMPTY;
  private boolean refreshPending;

  public ResultPane(UiExecutor ui) {
    this.ui = ui;
    table = new ResultTableView(ui);
    body = new BodyView(ui);
    chart = new ChartTab(ui);
    rows = new RowsView(table, ui);
    rowsTab = new Tab("Rows", rows);
    bodyTab = new Tab("Body", body);
    chartTab = new Tab("Chart", chart);
    getStyleClass().add("result-pane");
    summary.getStyleClass().add("result-summary");
    notice.getStyleClass().add("result-notice");
    error.getStyleClass().add("result-error");
    error.setWrapText(true);
    for (TextArea t : List.of(headers, checks, details)) {
      t.setEditable(false);
      t.getStyleClass().add("mono");
    }
    detailsPane.setExpanded(false);
    top = new VBox(4, summary, notice, error, detailsPane);
    empty.getStyleClass().add("result-empty");
    top.setPadding(new Insets(8));
    for (var n : List.of(notice, error, detailsPane)) {
      n.managedProperty().bind(n.visibleProperty());
    }
    chartTab.selectedProperty().addListener((o, was, is) -> chart.setActive(is));
    historyTab.selectedProperty().addListener((o, was, is) -> history.setActive(is));
    rowsTab.selectedProperty().addListener((o, was, is) -> refresh());
    tabs.getTabs().addAll(rowsTab, chartTab, bodyTab, headersTab, checksTab, historyTab);
    tabs.getTabs().forEach(t -> t.setClosable(false));
    setTop(top);
    setCenter(tabs);
    show(null);
  }

  public ResultTableView table() {
    return table;
  }

  public ChartTab chart() {
    return chart;
  }

  public HistoryTab history() {
    return history;
  }

  public BodyView body() {
    return body;
  }

  /** Where the Chart tab's "Keep in workspace" sends the changed panel. */
  public void setOnKeepChart(java.util.function.Consumer<dev.fetchboard.workspace.PanelSpec> keep) {
    chart.setOnKeep(keep);
  }

  /** Puts the cursor in the filter box (Ctrl+F). */
  public void focusFilter() {
    tabs.getSelectionModel().select(rowsTab);
    rows.focusFilter();
  }

  /** Starts exporting every row to {@code target} on a worker thread, with progress and cancel. */
  public UiTask<Long> exportTo(Path target) {
    return rows.exportTo(target);
  }

  /**
   * How Export… runs a capped SQL result again to write it whole (the window gives the engine's).
   */
  public void setRowStreamer(RowStreamer streamer) {
    rows.setRowStreamer(streamer);
  }

  /** Shows a panel's result (or nothing) and follows it as it runs. */
  public void show(PanelViewModel vm) {
    watch.unsubscribe();
    shown = vm;
    watch =
        vm == null
            ? javafx.util.Subscription.EMPTY
            : javafx.util.Subscription.combine(
                vm.stateProperty().subscribe((a, b) -> changed()),
                // The detail line is the last thing a run's event sets: the pane is up to date
                // with the tiles in the same frame; the rest catches what left it unchanged.
                vm.detailProperty().subscribe((a, b) -> refresh()),
                vm.resultProperty().subscribe((a, b) -> changed()),
                vm.tableProperty().subscribe((a, b) -> changed()),
                vm.rowsSoFarProperty().subscribe((a, b) -> changed()));
    rows.setPanel(vm == null ? null : vm.spec());
    // Nothing selected: one hint in the middle of the pane, no tabs or row controls around it.
    setTop(vm == null ? null : top);
    setCenter(vm == null ? emptyState : tabs);
    tabsFor(vm);
    shownResult = null;
    body.show(null);
    chart.show(vm);
    history.show(vm);
    refresh();
  }

  /**
   * The shown panel changed: one refresh after the changes of this frame (several of its properties
   * change together when the engine's events are applied).
   */
  private void changed() {
    if (!refreshPending) {
      refreshPending = true;
      ui.onFx(
          () -> {
            refreshPending = false;
            refresh();
          });
    }
  }

  /**
   * Appends rows that arrived but are not in the table yet (a frame's worth); true while more are
   * waiting, so the window calls it again next frame.
   */
  public boolean catchUp() {
    PanelViewModel vm = shown;
    if (vm == null || !table.behind(vm.rowsSoFarProperty().get())) {
      return false;
    }
    refresh();
    return table.behind(vm.rowsSoFarProperty().get());
  }

  /** Brings the view up to date with the shown panel. */
  public void refresh() {
    PanelViewModel vm = shown;
    if (vm == null) {
      summary.setText("");
      notice.setVisible(false);
      error.setVisible(false);
      detailsPane.setVisible(false);
      table.show(null, 0);
      return;
    }
    // A table in a hidden tab is still laid out, and creating its cells can take a frame; it
    // catches up when its tab is selected.
    boolean rowsShown = rowsTab.isSelected();
    if (rowsShown) {
      table.show(vm.tableProperty().get(), vm.rowsSoFarProperty().get());
    }
    rows.showCounts();
    RunResult r = vm.resultProperty().get();
    String rows =
        rowsShown && table.behind(vm.rowsSoFarProperty().get())
            ? String.format(" · loading rows %,d…", table.loadedRows())
            : "";
    String state = vm.stateProperty().get().label();
    String detail = vm.detailProperty().get();
    // "running… 530,200 rows" already says it is running: not "running · running… …".
    summary.setText(
        vm.spec().displayTitle()
            + " — "
            + (detail.startsWith(state) ? detail : state + " · " + detail)
            + rows);
    // The previous run's notice ("first 100,000 rows shown") is not about the run in progress.
    boolean busy =
        vm.stateProperty().get() == PanelState.RUNNING
            || vm.stateProperty().get() == PanelState.QUEUED;
    notice.setVisible(r != null && r.notice() != null && !busy);
    if (r == shownResult) {
      return;
    }
    shownResult = r;
    if (r == null) {
      notice.setVisible(false);
      error.setVisible(false);
      detailsPane.setVisible(false);
      body.show(null);
      chart.show(vm);
      headers.clear();
      checks.clear();
      return;
    }
    notice.setText(r.notice());
    String problem = r.problem();
    error.setText(problem == null ? "" : problem);
    error.setVisible(problem != null);
    detailsPane.setVisible(r.error() != null && r.error().details() != null);
    details.setText(r.error() == null || r.error().details() == null ? "" : r.error().details());
    body.show(r);
    chart.show(vm);
    headers.setText(headersText(r));
    checks.setText(checksText(r));
    // Go where the result is, but never away from a tab the user chose that has something to show.
    Tab selected = tabs.getSelectionModel().getSelectedItem();
    boolean hasBody = r.payload() instanceof HttpExchange http && http.body() != null;
    if (selected == rowsTab && r.table() == null && hasBody) {
      tabs.getSelectionModel().select(bodyTab);
    } else if (selected == bodyTab && !hasBody && r.table() != null) {
      tabs.getSelectionModel().select(rowsTab);
    }
  }

  /** A SQL result has no body or response headers: only the tabs the panel's kind can fill. */
  private void tabsFor(PanelViewModel vm) {
    boolean sql = vm != null && vm.spec().asSql().isPresent();
    var wanted =
        sql
            ? List.of(rowsTab, chartTab, checksTab, historyTab)
            : List.of(rowsTab, chartTab, bodyTab, headersTab, checksTab, historyTab);
    if (!tabs.getTabs().equals(wanted)) {
      tabs.getTabs().setAll(wanted);
    }
  }

  private static String headersText(RunResult r) {
    var sb = new StringBuilder();
    HttpExchange http = r.payload() instanceof HttpExchange h ? h : null;
    if (http != null) {
      sb.append("status: ").append(http.status()).append('\n');
    }
    sb.append("time: ").append(Durations.human(r.elapsed()));
    if (http != null && http.timeToFirstByte() != null) {
      sb.append(" (first byte after ").append(Durations.human(http.timeToFirstByte())).append(')');
    }
    sb.append('\n');
    if (http != null && http.bytes() > 0) {
      sb.append("size: ").append(ByteSize.human(http.bytes())).append('\n');
    }
    sb.append('\n');
    Map<String, List<String>> headers = http == null ? Map.of() : http.headers();
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      for (String v : h.getValue()) {
        sb.append(h.getKey()).append(": ").append(v).append('\n');
      }
    }
    return sb.toString();
  }

  private static String checksText(RunResult r) {
    if (r.checks().isEmpty()) {
      return "No checks.";
    }
    var sb = new StringBuilder();
    for (CheckOutcome c : r.checks()) {
      sb.append(c.passed() ? "✔ " : "✘ ")
          .append(c.description())
          .append("   (was ")
          .append(c.actual())
          .append(")\n");
    }
    return sb.toString();
  }
}
