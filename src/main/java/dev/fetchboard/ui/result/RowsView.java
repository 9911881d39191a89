package dev.fetchboard.ui.result;

import dev.fetchboard.export.TableExporter;
import java.nio.file.Path;
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
  private final Button exportButton = new Button("Export…");
  private final Button cancelExport = new Button("Cancel");
  private final ProgressBar exportProgress = new ProgressBar();
  private Task<Long> exporting;

  RowsView(ResultTableView table) {
    this.table = table;
    filter.setId("filter");
    filter.setPromptText("Filter rows (Ctrl+F)");
    filter
        .textProperty()
        .addListener(
            (o, a, b) -> {
              table.filter(b);
              showCounts();
            });
    exportButton.setId("export");
    exportButton.setOnAction(e -> export());
    cancelExport.setOnAction(e -> exporting.cancel());
    cancelExport.setVisible(false);
    cancelExport.managedProperty().bind(cancelExport.visibleProperty());
    exportProgress.setVisible(false);
    exportProgress.managedProperty().bind(exportProgress.visibleProperty());
    counts.getStyleClass().add("result-counts");
    HBox.setHgrow(filter, Priority.ALWAYS);
    var rowsBar = new HBox(8, filter, counts, exportProgress, cancelExport, exportButton);
    rowsBar.setPadding(new Insets(6));
    rowsBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    setCenter(table);
    setTop(rowsBar);
  }

  /** Puts the cursor in the filter box. */
  void focusFilter() {
    filter.requestFocus();
  }

  /** Shows how many rows are loaded, filtered and kept. */
  void showCounts() {
    var t = table.shownTable();
    if (t == null) {
      counts.setText("");
      return;
    }
    String of =
        table.visibleRows() == table.loadedRows()
            ? String.format(table.loadedRows() == 1 ? "%,d row" : "%,d rows", table.loadedRows())
            : String.format("%,d of %,d rows", table.visibleRows(), table.loadedRows());
    counts.setText(of + (t.capped() ? String.format(" · capped at %,d", t.maxRows()) : ""));
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

  /** Starts exporting to {@code target} on a worker thread, with progress and cancel. */
  public Task<Long> exportTo(Path target) {
    var t = table.shownTable();
    var task =
        new Task<Long>() {
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
    exporting = task;
    exportProgress.progressProperty().bind(task.progressProperty());
    exportProgress.setVisible(true);
    cancelExport.setVisible(true);
    exportButton.setDisable(true);
    task.setOnSucceeded(
        e -> {
          exportDone();
          counts.setText(
              String.format("exported %,d rows to %s", task.getValue(), target.getFileName()));
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

  private void exportDone() {
    exportProgress.progressProperty().unbind();
    exportProgress.setVisible(false);
    cancelExport.setVisible(false);
    exportButton.setDisable(false);
  }
}
