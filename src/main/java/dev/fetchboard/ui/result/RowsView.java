package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RowSink;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.export.RowFileWriter;
import dev.fetchboard.export.TableExporter;
import dev.fetchboard.workspace.PanelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/** The Rows tab: the result table under a bar with the filter, the row counts and Export…. */
final class RowsView extends BorderPane {
  private final ResultTableView table;
  private final TextField filter = new TextField();
  private final Label counts = new Label();
  private final Button previousPage = new Button("‹");
  private final Button nextPage = new Button("›");
  private final Label pageRange = new Label();
  private final Button exportButton = new Button("Export…");
  private final Button cancelExport = new Button("Cancel");
  private final ProgressBar exportProgress = new ProgressBar();
  private final HBox rowsBar;
  private Task<Long> exporting;
  private RowStreamer streamer;
  private PanelSpec panel;

  RowsView(ResultTableView table) {
    this.table = table;
    filter.setId("filter");
    filter.setPromptText("Filter rows (Ctrl+F)");
    filter
        .textProperty()
        .addListener(
            // The table reports back (onViewChange) when the filter is applied.
            (o, a, b) -> table.filter(b));
    exportButton.setId("export");
    exportButton.setOnAction(e -> export());
    cancelExport.setOnAction(e -> exporting.cancel());
    cancelExport.setVisible(false);
    cancelExport.managedProperty().bind(cancelExport.visibleProperty());
    exportProgress.setVisible(false);
    exportProgress.managedProperty().bind(exportProgress.visibleProperty());
    counts.getStyleClass().add("result-counts");
    counts.setId("row-counts");
    previousPage.setId("previous-page");
    nextPage.setId("next-page");
    pageRange.setId("page-range");
    previousPage.setOnAction(e -> table.showPage(table.page() - 1));
    nextPage.setOnAction(e -> table.showPage(table.page() + 1));
    var pager = new HBox(4, previousPage, pageRange, nextPage);
    pager.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    pager.visibleProperty().bind(nextPage.visibleProperty());
    pager.managedProperty().bind(pager.visibleProperty());
    table.setOnViewChange(this::showCounts);
    // The filter box gives way when the bar is narrow; counts and buttons keep their text whole.
    for (var r :
        List.<javafx.scene.layout.Region>of(
            counts, pageRange, exportButton, previousPage, nextPage)) {
      r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    HBox.setHgrow(filter, Priority.ALWAYS);
    rowsBar = new HBox(8, filter, counts, pager, exportProgress, cancelExport, exportButton);
    rowsBar.managedProperty().bind(rowsBar.visibleProperty());
    rowsBar.setPadding(new Insets(6));
    rowsBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    setCenter(table);
    setTop(rowsBar);
  }

  /** How a capped SQL result is run again for Export…; without one, the held rows are exported. */
  void setRowStreamer(RowStreamer streamer) {
    this.streamer = streamer;
  }

  /** The panel whose rows are shown (null: none). */
  void setPanel(PanelSpec panel) {
    this.panel = panel;
  }

  /** Puts the cursor in the filter box. */
  void focusFilter() {
    filter.requestFocus();
  }

  /** Shows how many rows are held, matched and kept, and which page of them is in the grid. */
  void showCounts() {
    var t = table.shownTable();
    nextPage.setVisible(t != null && table.pageCount() > 1);
    // With no rows to filter or export, the bar would float over the table's "No rows".
    rowsBar.setVisible(t != null);
    if (t == null) {
      counts.setText("");
      return;
    }
    String of;
    if (table.ordering()) {
      of =
          String.format(
              "%s %,d rows…", table.filtering() ? "filtering" : "sorting", table.heldRows());
    } else if (table.filtered()) {
      of = String.format("%,d of %,d rows", table.visibleRows(), table.heldRows());
    } else {
      of = String.format(table.heldRows() == 1 ? "%,d row" : "%,d rows", table.heldRows());
    }
    counts.setText(of + (t.capped() ? String.format(" · capped at %,d", t.maxRows()) : ""));
    if (table.pageCount() > 1) {
      int from = table.pageStart() + 1;
      int to = Math.min(table.visibleRows(), table.pageStart() + ResultTableView.PAGE_ROWS);
      pageRange.setText(String.format("%,d–%,d shown", from, to));
      previousPage.setDisable(table.page() == 0);
      nextPage.setDisable(table.page() >= table.pageCount() - 1);
    }
  }

  /** Writes every row of the result (not only those loaded in the grid) to a CSV or JSON file. */
  private void export() {
    var t = table.shownTable();
    if (t == null || getScene() == null) {
      return;
    }
    var chooser = new FileChooser();
    chooser.setTitle("Export rows");
    chooser.setInitialFileName("result.csv");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("CSV", "*.csv"),
            new FileChooser.ExtensionFilter("JSON", "*.json"));
    var file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) {
      exportTo(file.toPath());
    }
  }

  /**
   * Starts exporting to {@code target} on a worker thread, with progress and cancel. A SQL result
   * the row cap cut short is run again and streamed to the file whole; otherwise the rows held are
   * the whole result and are written as they are.
   */
  public Task<Long> exportTo(Path target) {
    var t = table.shownTable();
    PanelSpec p = panel;
    boolean again = t.capped() && p != null && p.asSql().isPresent() && streamer != null;
    var task = again ? new WholeResultExport(streamer, p, target) : heldRowsExport(t, target);
    exporting = task;
    exportProgress.progressProperty().bind(task.progressProperty());
    exportProgress.setVisible(true);
    cancelExport.setVisible(true);
    exportButton.setDisable(true);
    task.messageProperty().addListener((o, a, b) -> counts.setText(b));
    task.setOnSucceeded(
        e -> {
          exportDone();
          counts.setText(
              String.format(
                  "exported %,d rows to %s%s",
                  task.getValue(),
                  target.getFileName(),
                  again ? " (the whole result, queried again)" : ""));
        });
    task.setOnFailed(
        e -> {
          exportDone();
          counts.setText("export failed: " + task.getException().getMessage());
        });
    task.setOnCancelled(
        e -> {
          exportDone();
          counts.setText("export cancelled");
        });
    Thread.ofVirtual().name("export").start(task);
    return task;
  }

  private static Task<Long> heldRowsExport(ResultTable t, Path target) {
    return new Task<>() {
      @Override
      protected Long call() throws Exception {
        return TableExporter.export(
            t,
            target,
            TableExporter.Format.forFile(target),
            n -> updateProgress(n, t.rowCount()),
            this::isCancelled);
      }
    };
  }

  /** Runs the query again and streams every row to the file; none is held. */
  private static final class WholeResultExport extends Task<Long> {
    private final RowStreamer streamer;
    private final PanelSpec panel;
    private final Path target;
    private final Cancellation cancellation = new Cancellation();

    WholeResultExport(RowStreamer streamer, PanelSpec panel, Path target) {
      this.streamer = streamer;
      this.panel = panel;
      this.target = target;
    }

    @Override
    protected Long call() throws Exception {
      updateMessage("running the query again for every row…");
      try (var writer = RowFileWriter.open(target, TableExporter.Format.forFile(target))) {
        RowSink counting =
            new RowSink() {
              @Override
              public void columns(List<Column> columns) throws IOException {
                writer.columns(columns);
              }

              @Override
              public void row(Object[] row) throws IOException {
                writer.row(row);
                long n = writer.rows();
                if ((n & 8191) == 0) {
                  updateMessage(String.format("exporting: %,d rows written…", n));
                }
              }
            };
        RunResult r = streamer.stream(panel, counting, cancellation);
        if (isCancelled()) {
          return -1L;
        }
        if (!r.ok()) {
          throw new IOException(r.problem());
        }
        writer.commit();
        return writer.rows();
      }
    }

    @Override
    protected void cancelled() {
      // Cancelling also cancels the statement on the server: network I/O, so not on this thread.
      Thread.ofVirtual().start(() -> cancellation.cancel(Cancellation.Reason.USER));
    }
  }

  private void exportDone() {
    exportProgress.progressProperty().unbind();
    exportProgress.setVisible(false);
    cancelExport.setVisible(false);
    exportButton.setDisable(false);
  }
}
