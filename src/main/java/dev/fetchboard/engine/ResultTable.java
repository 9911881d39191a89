package dev.fetchboard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows and columns of a result. Rows are appended by the run that produces them and may be read
 * while they arrive (see {@link RowBuffer}); once the run finishes the table no longer changes.
 * When more rows existed than the cap allows, {@link #capped()} says so and only the first rows are
 * kept.
 */
public final class ResultTable {
  private final List<Column> columns;
  private final RowBuffer rows;
  private volatile boolean capped;
  private volatile int droppedColumns;

  public ResultTable(List<Column> columns, int maxRows) {
    this.columns = List.copyOf(columns);
    this.rows = new RowBuffer(maxRows);
  }

  /** A small, complete table (tests, single values). */
  public static ResultTable of(List<Column> columns, List<Object[]> rows) {
    var t = new ResultTable(columns, rows.size());
    rows.forEach(t::add);
    return t;
  }

  public List<Column> columns() {
    return columns;
  }

  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public int rowCount() {
    return rows.size();
  }

  public Object[] row(int index) {
    return rows.get(index);
  }

  public Object cell(int row, int column) {
    Object[] r = rows.get(row);
    return column < r.length ? r[column] : null;
  }

  /** The cap on rows held. */
  public int maxRows() {
    return rows.capacity();
  }

  /** True when the source had more rows than {@link #maxRows()}. */
  public boolean capped() {
    return capped;
  }

  /** Appends a row (producer only). Returns false, and marks the table capped, when it is full. */
  public boolean add(Object[] row) {
    if (rows.add(row)) {
      return true;
    }
    capped = true;
    return false;
  }

  /** Marks that more rows existed than were kept (producer only). */
  public void markCapped() {
    capped = true;
  }

  /** A copy of the first {@code limit} rows, e.g. for a preview or a test. */
  public List<Object[]> firstRows(int limit) {
    int n = Math.min(limit, rows.size());
    var out = new ArrayList<Object[]>(n);
    for (int i = 0; i < n; i++) {
      out.add(rows.get(i));
    }
    return out;
  }

  /** Records that the source had more columns than could be kept (producer only). */
  public void markColumnsDropped(int count) {
    droppedColumns = count;
  }

  /** "first 100,000 rows shown" style notice, or null when nothing was left out. */
  public String capNotice() {
    String rowsNote =
        capped
            ? String.format("first %,d rows shown (the result had more)", rows.capacity())
            : null;
    String colsNote =
        droppedColumns > 0
            ? String.format(
                "first %,d columns shown (%,d more were left out)", columns.size(), droppedColumns)
            : null;
    if (rowsNote == null) {
      return colsNote;
    }
    return colsNote == null ? rowsNote : rowsNote + "; " + colsNote;
  }
}
