package dev.fetchboard.ui.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filtering and sorting a result's rows, as the grid's worker thread does. */
class RowOrderTest {
  private static final ResultTable TABLE =
      ResultTable.of(
          List.of(
              new Column("id", "text", false),
              new Column("name", "text", false),
              new Column("amount", "text", false)),
          List.of(
              new Object[] {1L, "pear", new BigDecimal("10.50")},
              new Object[] {2L, "Apple", 3},
              new Object[] {3L, null, Double.NaN},
              new Object[] {4L, "apple pie", 10L},
              new Object[] {5L, "fig", null}));

  private static List<Object> ids(RowOrder o) {
    return o.rows().stream().map(r -> r[0]).toList();
  }

  @Test
  void filterMatchesAnyCellIgnoringCaseAndKeepsTheResultsOrder() {
    var o = RowOrder.compute(TABLE, 5, " APPLE ", List.of(), () -> false);
    assertThat(ids(o)).containsExactly(2L, 4L);
    assertThat(o.covered()).isEqualTo(5);
  }

  @Test
  void numbersSortByValueAcrossTypesWithNullFirstAndNaNLast() {
    var o = RowOrder.compute(TABLE, 5, "", List.of(new RowOrder.SortKey(2, false)), () -> false);
    assertThat(ids(o)).containsExactly(5L, 2L, 4L, 1L, 3L);
  }

  @Test
  void laterKeysBreakTiesAndDescendingReverses() {
    var t =
        ResultTable.of(
            List.of(new Column("g", "text", false), new Column("n", "text", false)),
            List.of(
                new Object[] {"b", 1L},
                new Object[] {"a", 2L},
                new Object[] {"b", 3L},
                new Object[] {"a", 1L}));
    var o =
        RowOrder.compute(
            t,
            4,
            "",
            List.of(new RowOrder.SortKey(0, false), new RowOrder.SortKey(1, true)),
            () -> false);
    assertThat(o.rows()).extracting(r -> r[0] + "" + r[1]).containsExactly("a2", "a1", "b3", "b1");
  }

  @Test
  void onlyTheFirstCountRowsAreLookedAtAndACancelledOrderIsDropped() {
    assertThat(ids(RowOrder.compute(TABLE, 2, "", List.of(), () -> false))).containsExactly(1L, 2L);
    assertThat(RowOrder.compute(TABLE, 5, "", List.of(), () -> true)).isNull();
  }
}
