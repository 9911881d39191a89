package dev.fetchboard.ui.result;

import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The rows of a result as the user asked to see them: only those matching the filter text, in the
 * order of the sorted columns. Worked out on a worker thread over every row held (a million rows
 * take about a second), never on the FX thread.
 *
 * @param rows the matching rows, in order
 * @param covered how many of the result's rows were looked at (rows arriving later are not in)
 */
record RowOrder(List<Object[]> rows, int covered) {

  /** One sorted column: its index in the row and its direction. */
  record SortKey(int column, boolean descending) {}

  /**
   * Filters and sorts the first {@code count} rows of {@code table}; null when {@code cancelled}
   * turned true on the way.
   */
  static RowOrder compute(
      ResultTable table,
      int count,
      String filterText,
      List<SortKey> keys,
      BooleanSupplier cancelled) {
    String needle = filterText == null ? "" : filterText.strip().toLowerCase(Locale.ROOT);
    var out = new ArrayList<Object[]>(needle.isEmpty() ? count : Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      Object[] row = table.row(i);
      if (needle.isEmpty() || matches(row, needle)) {
        out.add(row);
      }
      if ((i & 0xffff) == 0 && cancelled.getAsBoolean()) {
        return null;
      }
    }
    if (!keys.isEmpty()) {
      // A stable sort: rows that compare equal keep the result's own order.
      out.sort(comparator(keys));
    }
    return cancelled.getAsBoolean() ? null : new RowOrder(out, count);
  }

  /** True when some cell's text contains {@code needle} (lower case), ignoring case. */
  static boolean matches(Object[] row, String needle) {
    for (Object v : row) {
      if (v != null && Values.display(v).toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  static Comparator<Object[]> comparator(List<SortKey> keys) {
    return (a, b) -> {
      for (SortKey k : keys) {
        int c = VALUES.compare(cell(a, k.column()), cell(b, k.column()));
        if (c != 0) {
          return k.descending() ? -c : c;
        }
      }
      return 0;
    };
  }

  private static Object cell(Object[] row, int column) {
    return column < row.length ? row[column] : null;
  }

  /** Numbers by value, everything else by text; NULL first. */
  static final Comparator<Object> VALUES =
      (a, b) -> {
        if (a == null || b == null) {
          return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
          return compareNumbers(x, y);
        }
        return Values.display(a).compareTo(Values.display(b));
      };

  private static int compareNumbers(Number x, Number y) {
    // The common cases without allocating: a million-row sort makes twenty million comparisons.
    if (isWhole(x) && isWhole(y)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
      // Also keeps NaN and infinities (which have no BigDecimal) comparable.
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
      return p.compareTo(q);
    }
    return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
  }

  private static boolean isWhole(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }
}
