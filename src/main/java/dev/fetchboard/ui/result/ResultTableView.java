package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A virtualised table of result rows. Rows are appended as they stream in (only the new ones, a
 * bounded number per frame), so the user can scroll and sort while a query is still running.
 */
public final class ResultTableView extends TableView<Object[]> {
  /** Rows appended at a time at most, so a million-row stream never stalls a frame. */
  static final int ROWS_PER_APPEND = 20_000;

  /**
   * Streaming rows are appended at most this often (the first ones at once). Every append makes the
   * virtual flow lay the whole table out again, at a cost that grows with the row count, so ten
   * appends a second instead of sixty keep a million-row stream from filling every frame.
   */
  static final long APPEND_INTERVAL_NANOS = 100_000_000L;

  /** Height of a row in pixels (one line of the dense table style). */
  static final double ROW_HEIGHT = 26;

  private final ObservableList<Object[]> rows = FXCollections.observableArrayList();
  private final javafx.collections.transformation.FilteredList<Object[]> filtered =
      new javafx.collections.transformation.FilteredList<>(rows);
  private final javafx.collections.transformation.SortedList<Object[]> sorted =
      new javafx.collections.transformation.SortedList<>(filtered);
  private ResultTable shown;
  private long lastAppendNanos;

  public ResultTableView() {
    getStyleClass().addAll("result-table", atlantafx.base.theme.Styles.DENSE);
    sorted.comparatorProperty().bind(comparatorProperty());
    setItems(sorted);
    getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    var copy = new javafx.scene.control.MenuItem("Copy rows (TSV)");
    copy.setOnAction(e -> copySelection(false));
    var copyHeaders = new javafx.scene.control.MenuItem("Copy rows with headers");
    copyHeaders.setOnAction(e -> copySelection(true));
    setContextMenu(new javafx.scene.control.ContextMenu(copy, copyHeaders));
    setOnKeyPressed(
        e -> {
          if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) {
            copySelection(e.isShiftDown());
            e.consume();
          }
        });
    setPlaceholder(new javafx.scene.control.Label("No rows"));
    // Rows are one line high. A fixed height spares the virtual flow from measuring cells to
    // estimate the scroll range, which with a million rows streaming in was most of each frame.
    setFixedCellSize(ROW_HEIGHT);
    setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
  }

  /** Shows {@code table}'s first {@code available} rows; new ones are appended on later calls. */
  public void show(ResultTable table, long available) {
    if (table != shown) {
      shown = table;
      rows.clear();
      getSortOrder().clear();
      getColumns().setAll(table == null ? java.util.List.of() : columns(table));
    }
    if (table == null) {
      return;
    }
    int have = rows.size();
    int target = (int) Math.min(available, table.rowCount());
    long now = System.nanoTime();
    if (target > have && (have == 0 || now - lastAppendNanos >= APPEND_INTERVAL_NANOS)) {
      lastAppendNanos = now;
      int upTo = Math.min(target, have + ROWS_PER_APPEND);
      var add = new ArrayList<Object[]>(upTo - have);
      for (int i = have; i < upTo; i++) {
        add.add(table.row(i));
      }
      rows.addAll(add);
    }
  }

  /**
   * Shows only rows in which some cell contains {@code text} (ignoring case); empty shows all. Rows
   * that stream in later are filtered too.
   */
  public void filter(String text) {
    String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    if (needle.isEmpty()) {
      filtered.setPredicate(null);
      return;
    }
    filtered.setPredicate(
        row -> {
          for (Object v : row) {
            if (v != null
                && Values.display(v).toLowerCase(java.util.Locale.ROOT).contains(needle)) {
              return true;
            }
          }
          return false;
        });
  }

  /** Rows shown after filtering. */
  public int visibleRows() {
    return sorted.size();
  }

  /** The selected rows as tab-separated text (with a header line when asked), on the clipboard. */
  public String copySelection(boolean withHeaders) {
    var sb = new StringBuilder();
    if (withHeaders) {
      sb.append(String.join("\t", getColumns().stream().map(TableColumn::getText).toList()))
          .append('\n');
    }
    for (Object[] row : getSelectionModel().getSelectedItems()) {
      for (int c = 0; c < getColumns().size(); c++) {
        if (c > 0) {
          sb.append('\t');
        }
        Object v = c < row.length ? row[c] : null;
        sb.append(v == null ? "" : Values.display(v).replace('\t', ' ').replace('\n', ' '));
      }
      sb.append('\n');
    }
    var content = new javafx.scene.input.ClipboardContent();
    content.putString(sb.toString());
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    return sb.toString();
  }

  /** The table being shown (the whole result, not only the loaded rows), or null. */
  public ResultTable shownTable() {
    return shown;
  }

  /** Rows loaded into the grid so far. */
  public int loadedRows() {
    return rows.size();
  }

  /** True when rows of the shown table are still waiting to be appended. */
  public boolean behind(long available) {
    return shown != null && rows.size() < Math.min(available, shown.rowCount());
  }

  private static java.util.List<TableColumn<Object[], Object>> columns(ResultTable t) {
    var out = new ArrayList<TableColumn<Object[], Object>>();
    for (int i = 0; i < t.columns().size(); i++) {
      Column c = t.columns().get(i);
      final int index = i;
      var col = new TableColumn<Object[], Object>(c.name());
      col.setCellValueFactory(
          cell ->
              new ReadOnlyObjectWrapper<>(
                  index < cell.getValue().length ? cell.getValue()[index] : null));
      col.setCellFactory(x -> new ValueCell(c.numeric()));
      col.setComparator(VALUES);
      col.setPrefWidth(Math.max(70, Math.min(260, c.name().length() * 9 + 40)));
      out.add(col);
    }
    return out;
  }

  /** Numbers by value, everything else by text; NULL first. */
  static final Comparator<Object> VALUES =
      (a, b) -> {
        if (a == null || b == null) {
          return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
          return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        return Values.display(a).compareTo(Values.display(b));
      };

  /** A cell that right-aligns numbers and shows NULL apart from an empty string. */
  static final class ValueCell extends TableCell<Object[], Object> {
    private final boolean numeric;

    ValueCell(boolean numeric) {
      this.numeric = numeric;
      if (numeric) {
        getStyleClass().add("numeric-cell");
      }
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("null-cell");
      if (empty) {
        setText(null);
      } else if (item == null) {
        setText("NULL");
        getStyleClass().add("null-cell");
      } else {
        String s = Values.display(item);
        setText(s.length() > 500 ? s.substring(0, 500) + "…" : s);
      }
    }
  }
}
