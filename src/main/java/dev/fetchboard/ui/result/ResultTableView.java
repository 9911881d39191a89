package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Labeled;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.TableViewSkin;

/**
 * A virtualised table of result rows. Rows are appended as they stream in (only the new ones, a
 * bounded number at a time), so the user can scroll while a query is still running. Filtering and
 * sorting work on every row held, on a worker thread ({@link RowOrder}); a result bigger than a
 * page is shown a page at a time.
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

  /**
   * Rows the grid holds at once; a bigger result is shown a page at a time. JavaFX's virtual flow
   * adds up the heights of every row above the one in view on each layout, so a million-row grid
   * scrolled near its end cost tens of milliseconds a frame; a page keeps that bounded.
   */
  public static final int PAGE_ROWS = 100_000;

  private final ObservableList<Object[]> pageRows = FXCollections.observableArrayList();
  private final AtomicLong orderGeneration = new AtomicLong();
  private ResultTable shown;
  private int available;
  private String filterText = "";
  private RowOrder order;
  private boolean ordering;
  private int page;
  private long lastAppendNanos;
  private Runnable onViewChange = () -> {};
  private final ColumnFit fit = new ColumnFit();
  // Until a cell is drawn, widths are measured in the default font; once one is, they are
  // measured again in the theme's.
  private boolean fontLearned;

  public ResultTableView() {
    getStyleClass().addAll("result-table", atlantafx.base.theme.Styles.DENSE);
    setItems(pageRows);
    // Sorting a million rows takes about a second: done on a worker thread over every row held,
    // not by the table on the FX thread over the rows of the page.
    setSortPolicy(
        t -> {
          page = 0;
          reorder();
          return true;
        });
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

  /** Called when the rows in view change other than by streaming: a filter or sort done, a page. */
  public void setOnViewChange(Runnable onViewChange) {
    this.onViewChange = onViewChange;
  }

  /**
   * Shows {@code table}'s first {@code available} rows; new ones are appended on later calls. A new
   * result with the same columns (the panel ran again) keeps the columns as the user left them,
   * their sort and the page; until its rows are sorted the previous ones stay in view.
   */
  public void show(ResultTable table, long available) {
    if (table != shown) {
      boolean sameColumns =
          shown != null && table != null && shown.columns().equals(table.columns());
      shown = table;
      orderGeneration.incrementAndGet();
      ordering = false;
      this.available = 0;
      order = null;
      if (!sameColumns) {
        page = 0;
        pageRows.clear();
        getColumns().setAll(table == null ? List.of() : columns(table));
        getSortOrder().clear();
      } else if (!ordered()) {
        pageRows.clear();
        lastAppendNanos = 0;
      }
    }
    if (table == null) {
      return;
    }
    this.available = (int) Math.min(available, table.rowCount());
    if (ordered()) {
      // Worked out once rows are there and again when more arrived since (newest request wins).
      if (!ordering && (order == null || this.available > order.covered())) {
        reorder();
      }
    } else if (order == null && !ordering) {
      appendStreamed();
    }
  }

  /** True when the view is filtered or sorted (worked out by {@link RowOrder}). */
  private boolean ordered() {
    return !filterText.isEmpty() || !getSortOrder().isEmpty();
  }

  /**
   * Shows only rows in which some cell contains {@code text} (ignoring case); empty shows all. Rows
   * that stream in later are filtered too.
   */
  public void filter(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equals(filterText)) {
      return;
    }
    filterText = t;
    page = 0;
    reorder();
  }

  /** Rows in the view: those matching the filter, or all rows held. */
  public int visibleRows() {
    return order != null ? order.rows().size() : available;
  }

  /** Rows of the shown result held so far (filtered or not). */
  public int heldRows() {
    return available;
  }

  /** True while a filter or sort is being worked out. */
  public boolean ordering() {
    return ordering;
  }

  /** True when the rows in view are being matched against filter text. */
  public boolean filtering() {
    return !filterText.isEmpty();
  }

  /** True when the view shows some of the rows, those matching the filter text. */
  public boolean filtered() {
    return order != null && !filterText.isEmpty();
  }

  /** The page shown (from 0) and how many there are. */
  public int page() {
    return page;
  }

  public int pageCount() {
    return Math.max(1, (visibleRows() + PAGE_ROWS - 1) / PAGE_ROWS);
  }

  /** Index (from 0) of the first row of the page in the view. */
  public int pageStart() {
    return page * PAGE_ROWS;
  }

  /** Shows page {@code p} (from 0) of the view. */
  public void showPage(int p) {
    int target = Math.max(0, Math.min(p, pageCount() - 1));
    if (target != page) {
      page = target;
      refillPage();
      scrollTo(0);
      onViewChange.run();
    }
  }

  /** Works out the filter and sort on a worker thread; the newest request wins. */
  private void reorder() {
    long mine = orderGeneration.incrementAndGet();
    if (shown == null || !ordered()) {
      ordering = false;
      if (order != null || shown == null) {
        order = null;
        refillPage();
      }
      onViewChange.run();
      return;
    }
    ordering = true;
    ResultTable table = shown;
    int count = available;
    String text = filterText;
    var keys = sortKeys();
    Thread.ofVirtual()
        .name("row-order")
        .start(
            () -> {
              RowOrder o =
                  RowOrder.compute(table, count, text, keys, () -> orderGeneration.get() != mine);
              if (o != null) {
                Platform.runLater(() -> ordered(mine, o));
              }
            });
    onViewChange.run();
  }

  private void ordered(long generation, RowOrder o) {
    if (orderGeneration.get() != generation) {
      return;
    }
    order = o;
    page = Math.min(page, pageCount() - 1);
    refillPage();
    ordering = false;
    onViewChange.run();
    if (available > o.covered()) {
      reorder();
    }
  }

  private List<RowOrder.SortKey> sortKeys() {
    var keys = new ArrayList<RowOrder.SortKey>();
    for (TableColumn<Object[], ?> c : getSortOrder()) {
      keys.add(
          new RowOrder.SortKey(
              getColumns().indexOf(c), c.getSortType() == TableColumn.SortType.DESCENDING));
    }
    return keys;
  }

  private void refillPage() {
    if (order != null) {
      int from = Math.min(pageStart(), order.rows().size());
      int to = Math.min(order.rows().size(), from + PAGE_ROWS);
      pageRows.setAll(order.rows().subList(from, to));
      grow(pageRows);
      return;
    }
    pageRows.clear();
    lastAppendNanos = 0;
    appendStreamed();
  }

  /** Appends rows that arrived to the page, a bounded number at a time and ten times a second. */
  private void appendStreamed() {
    if (shown == null) {
      return;
    }
    int have = pageStart() + pageRows.size();
    int target = Math.min(available, pageStart() + PAGE_ROWS);
    long now = System.nanoTime();
    if (target > have && (pageRows.isEmpty() || now - lastAppendNanos >= APPEND_INTERVAL_NANOS)) {
      lastAppendNanos = now;
      int upTo = Math.min(target, have + ROWS_PER_APPEND);
      var add = new ArrayList<Object[]>(upTo - have);
      for (int i = have; i < upTo; i++) {
        add.add(shown.row(i));
      }
      pageRows.addAll(add);
      grow(add);
    }
  }

  /** Widens columns (not those the user sized) to show the values of rows that arrived. */
  private void grow(List<Object[]> rows) {
    var cols = getColumns();
    for (int i = 0; i < cols.size(); i++) {
      fit.grow(cols.get(i), i, rows);
    }
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (!fontLearned && lookup(".table-row-cell .table-cell") instanceof Labeled cell) {
      fontLearned = true;
      fit.learnFrom(cell);
      grow(pageRows);
    }
  }

  /** Fits column {@code column} to every row of the page (a double-click on its header's edge). */
  public void fitColumn(TableColumn<Object[], ?> column) {
    int index = getColumns().indexOf(column);
    if (index >= 0) {
      fit.fit(column, index, pageRows);
    }
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new FittingSkin(this);
  }

  /**
   * The table's skin with headers whose double-click on the edge fits the column with {@link
   * #fitColumn}: JavaFX's own fit measures every row with a cell, seconds for a 100,000-row page.
   */
  private static final class FittingSkin extends TableViewSkin<Object[]> {
    private final ResultTableView table;

    FittingSkin(ResultTableView table) {
      super(table);
      this.table = table;
    }

    @Override
    protected TableHeaderRow createTableHeaderRow() {
      return new TableHeaderRow(this) {
        @Override
        protected NestedTableColumnHeader createRootHeader() {
          return new NestedTableColumnHeader(null) {
            @Override
            // JavaFX declares this parameter as a raw type, so the override must too.
            @SuppressWarnings({"unchecked", "rawtypes"})
            protected TableColumnHeader createTableColumnHeader(TableColumnBase col) {
              if (col == null || !col.getColumns().isEmpty()) {
                return super.createTableColumnHeader(col);
              }
              return new TableColumnHeader(col) {
                @Override
                protected void resizeColumnToFitContent(int maxRows) {
                  table.fitColumn((TableColumn<Object[], ?>) col);
                }
              };
            }
          };
        }
      };
    }
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

  /** Rows in the grid so far, counting the pages before the one shown. */
  public int loadedRows() {
    return pageStart() + pageRows.size();
  }

  /** True when rows that arrived are still waiting to be appended to the page shown. */
  public boolean behind(long available) {
    if (shown == null || order != null || ordering) {
      return false;
    }
    int target = (int) Math.min(Math.min(available, shown.rowCount()), pageStart() + PAGE_ROWS);
    return loadedRows() < target;
  }

  private List<TableColumn<Object[], Object>> columns(ResultTable t) {
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
      col.setComparator(RowOrder.VALUES);
      ColumnFit.set(col, Math.max(ColumnFit.MIN_WIDTH, fit.headerWidth(c.name())));
      ColumnFit.watch(col);
      out.add(col);
    }
    return out;
  }

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
