package dev.fetchboard.ui.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.workspace.ChartSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How rows become chart points, without a window. */
class ChartDataTest {
  private static final Column DAY = new Column("day", "date", false);
  private static final Column ID = new Column("id", "int4", true);
  private static final Column TOTAL = new Column("total", "numeric", true);

  private static ResultTable sales(int rows) {
    var data = new ArrayList<Object[]>();
    for (int i = 0; i < rows; i++) {
      data.add(new Object[] {i, "2026-01-" + (i % 28 + 1), new BigDecimal(i + ".5")});
    }
    return ResultTable.of(List.of(ID, DAY, TOTAL), data);
  }

  @Test
  void defaultsPlotTheFirstNumberColumnOverTheFirstTextOrDateColumn() {
    ChartData d = ChartData.build(sales(3), 3, null, ChartData.MAX_POINTS);
    assertThat(d.x()).isEqualTo("day");
    assertThat(d.y()).isEqualTo("id");
    assertThat(d.type()).isEqualTo(ChartSpec.Type.LINE);
    assertThat(d.yChoices()).containsExactly("id", "total");
    assertThat(d.xChoices()).containsExactly(ChartData.ROW_NUMBER, "id", "day", "total");
    assertThat(d.points())
        .containsExactly(
            new ChartData.Point("2026-01-1", 0),
            new ChartData.Point("2026-01-2", 1),
            new ChartData.Point("2026-01-3", 2));
    assertThat(d.notice()).isEmpty();
    assertThat(d.problem()).isNull();
  }

  @Test
  void labelsGetBarsByDefaultAndASavedTypeWins() {
    var table =
        ResultTable.of(
            List.of(new Column("status", "text", false), TOTAL),
            List.<Object[]>of(
                new Object[] {"open", new BigDecimal("3")},
                new Object[] {"paid", new BigDecimal("5")}));
    assertThat(ChartData.build(table, 2, null, 100).type()).isEqualTo(ChartSpec.Type.BAR);
    assertThat(ChartData.build(table, 2, new ChartSpec(null, null, null), 100).type())
        .isEqualTo(ChartSpec.Type.BAR);
    assertThat(
            ChartData.build(table, 2, new ChartSpec(null, null, ChartSpec.Type.LINE), 100).type())
        .isEqualTo(ChartSpec.Type.LINE);
  }

  @Test
  void aSavedChoiceIsUsedAndExactNumbersArePlotted() {
    var choice = new ChartSpec("id", "total", ChartSpec.Type.BAR);
    ChartData d = ChartData.build(sales(2), 2, choice, ChartData.MAX_POINTS);
    assertThat(d.points())
        .containsExactly(new ChartData.Point("0", 0.5), new ChartData.Point("1", 1.5));
    assertThat(d.spec()).isEqualTo(choice);
  }

  @Test
  void pointsAreBoundedAndTheUserIsTold() {
    ChartData d = ChartData.build(sales(5_000), 5_000, null, ChartData.MAX_POINTS);
    assertThat(d.points()).hasSize(ChartData.MAX_POINTS);
    assertThat(d.truncated()).isTrue();
    assertThat(d.notice()).isEqualTo("first 2,000 points of 5,000 rows plotted");
  }

  @Test
  void barsAreBoundedMoreTightlyThanLinePoints() {
    var bars = new ChartSpec("day", "total", ChartSpec.Type.BAR);
    ChartData d = ChartData.build(sales(5_000), 5_000, bars, ChartData.MAX_POINTS);
    assertThat(d.points()).hasSize(ChartData.MAX_BARS);
    assertThat(d.notice()).isEqualTo("first 250 points of 5,000 rows plotted");
  }

  @Test
  void onlyRowsReadableSoFarAreUsed() {
    ChartData d = ChartData.build(sales(100), 10, null, ChartData.MAX_POINTS);
    assertThat(d.points()).hasSize(10);
    assertThat(d.truncated()).isFalse();
  }

  @Test
  void emptyAndNonNumericCellsAreLeftOutAndCounted() {
    var json = JsonNodeFactory.instance;
    var t =
        ResultTable.of(
            List.of(new Column("name", "string", false), new Column("n", "number", true)),
            List.of(
                new Object[] {"a", 1L},
                new Object[] {"b", null},
                new Object[] {"c", json.numberNode(2.5)},
                new Object[] {"d", "n/a"},
                new Object[] {null, Double.NaN}));
    ChartData d = ChartData.build(t, 5, null, ChartData.MAX_POINTS);
    assertThat(d.points())
        .containsExactly(new ChartData.Point("a", 1), new ChartData.Point("c", 2.5));
    assertThat(d.skipped()).isEqualTo(3);
    assertThat(d.notice()).isEqualTo("3 rows without a number left out");
  }

  @Test
  void withoutATextColumnTheRowNumberIsAlongTheBottom() {
    var t = ResultTable.of(List.of(TOTAL), List.<Object[]>of(new Object[] {BigDecimal.TEN}));
    ChartData d = ChartData.build(t, 1, null, ChartData.MAX_POINTS);
    assertThat(d.x()).isEqualTo(ChartData.ROW_NUMBER);
    assertThat(d.points()).containsExactly(new ChartData.Point("1", 10));
  }

  @Test
  void problemsSayWhyNothingIsPlotted() {
    var text = ResultTable.of(List.of(DAY), List.<Object[]>of(new Object[] {"x"}));
    assertThat(ChartData.build(text, 1, null, 10).problem())
        .isEqualTo("No column of numbers to plot.");
    var missing = new ChartSpec("day", "revenue", null);
    assertThat(ChartData.build(sales(1), 1, missing, 10).problem())
        .isEqualTo("The chart's y column 'revenue' is not in the result.");
    var notNumbers = new ChartSpec("id", "day", null);
    assertThat(ChartData.build(sales(1), 1, notNumbers, 10).problem())
        .isEqualTo("The column 'day' does not hold numbers.");
    assertThat(ChartData.build(null, 0, null, 10).problem())
        .isEqualTo("Run the panel to chart its rows.");
  }
}
