package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import dev.fetchboard.workspace.ChartSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The points a chart plots from a result table: column {@code y} as numbers over column {@code x}
 * as labels, in row order, at most {@code maxPoints} of them. Plain Java, so it is built on a
 * worker thread and tested without a window.
 *
 * @param x the column along the bottom, or null for the row number
 * @param y the column of numbers, or null when the table has none
 * @param xChoices every column (x may be any of them)
 * @param yChoices the numeric columns
 * @param points what to plot
 * @param rows rows in the table when the data was built
 * @param skipped rows whose y was empty or not a number
 * @param problem why nothing can be plotted, or null
 */
public record ChartData(
    String x,
    String y,
    ChartSpec.Type type,
    List<String> xChoices,
    List<String> yChoices,
    List<Point> points,
    int rows,
    int skipped,
    String problem) {

  /** Points a chart holds at most: more would not be readable and would cost frames to lay out. */
  public static final int MAX_POINTS = 2_000;

  /** Bars a chart holds at most: each bar is a node of its own, a line is one path. */
  public static final int MAX_BARS = 250;

  /** The label "row #" stands for the row number as x. */
  public static final String ROW_NUMBER = "row #";

  /** One point: its label along the bottom and its value. */
  public record Point(String label, double value) {}

  /**
   * Builds the chart of {@code rows} rows of {@code table} for {@code choice} (null: defaults), at
   * most {@code maxPoints} points, and at most {@link #MAX_BARS} of them when they are bars.
   */
  public static ChartData build(ResultTable table, int rows, ChartSpec choice, int maxPoints) {
    ChartSpec.Type type =
        choice == null || choice.type() == null ? ChartSpec.Type.LINE : choice.type();
    if (table == null) {
      return empty(type, "Run the panel to chart its rows.");
    }
    var xChoices = new ArrayList<String>();
    xChoices.add(ROW_NUMBER);
    var yChoices = new ArrayList<String>();
    for (Column c : table.columns()) {
      xChoices.add(c.name());
      if (c.numeric()) {
        yChoices.add(c.name());
      }
    }
    if (yChoices.isEmpty()) {
      return new ChartData(
          null,
          null,
          type,
          xChoices,
          yChoices,
          List.of(),
          rows,
          0,
          "No column of numbers to plot.");
    }
    String y = choice != null && choice.y() != null ? choice.y() : yChoices.getFirst();
    String x = choice != null && choice.x() != null ? choice.x() : defaultX(table, y);
    int yi = table.columnIndex(y);
    int xi = ROW_NUMBER.equals(x) ? -1 : table.columnIndex(x);
    if (choice == null || choice.type() == null) {
      type = defaultType(table, xi);
    }
    String problem = null;
    if (yi < 0) {
      problem = "The chart's y column '" + y + "' is not in the result.";
    } else if (xi < 0 && !ROW_NUMBER.equals(x)) {
      problem = "The chart's x column '" + x + "' is not in the result.";
    } else if (!table.columns().get(yi).numeric()) {
      problem = "The column '" + y + "' does not hold numbers.";
    }
    if (problem != null) {
      return new ChartData(x, y, type, xChoices, yChoices, List.of(), rows, 0, problem);
    }
    int n = Math.min(rows, table.rowCount());
    int cap = type == ChartSpec.Type.BAR ? Math.min(maxPoints, MAX_BARS) : maxPoints;
    var points = new ArrayList<Point>(Math.min(n, cap));
    int skipped = 0;
    for (int i = 0; i < n && points.size() < cap; i++) {
      Double v = Values.number(table.cell(i, yi));
      if (v == null) {
        skipped++;
        continue;
      }
      String label = xi < 0 ? Integer.toString(i + 1) : label(table.cell(i, xi));
      points.add(new Point(label, v));
    }
    return new ChartData(x, y, type, xChoices, yChoices, List.copyOf(points), n, skipped, null);
  }

  /** Nothing to plot, for the reason given. */
  public static ChartData empty(ChartSpec.Type type, String why) {
    return new ChartData(null, null, type, List.of(), List.of(), List.of(), 0, 0, why);
  }

  /** True when rows were left out because of {@code maxPoints}. */
  public boolean truncated() {
    return points.size() + skipped < rows;
  }

  /** What the user should know about the plotted points, or "" when they are all there. */
  public String notice() {
    var parts = new ArrayList<String>();
    if (truncated()) {
      parts.add(String.format("first %,d points of %,d rows plotted", points.size(), rows));
    }
    if (skipped > 0) {
      parts.add(String.format("%,d rows without a number left out", skipped));
    }
    return String.join("; ", parts);
  }

  /** The choice as it would be saved in the workspace. */
  public ChartSpec spec() {
    return new ChartSpec(x, y, type);
  }

  /**
   * Bars over labels (a status, a city: no order between them), a line over numbers and times. A
   * line between categories would suggest a trend that is not there.
   */
  private static ChartSpec.Type defaultType(ResultTable table, int xi) {
    if (xi < 0) {
      return ChartSpec.Type.LINE;
    }
    Column c = table.columns().get(xi);
    String t = c.type() == null ? "" : c.type().toLowerCase(java.util.Locale.ROOT);
    boolean label = !c.numeric() && !t.contains("date") && !t.contains("time");
    return label ? ChartSpec.Type.BAR : ChartSpec.Type.LINE;
  }

  /** The first column that is not a number (a label or a time), else the row number. */
  private static String defaultX(ResultTable table, String y) {
    for (Column c : table.columns()) {
      if (!c.numeric() && !c.name().equals(y)) {
        return c.name();
      }
    }
    return ROW_NUMBER;
  }

  private static String label(Object cell) {
    return cell == null ? "NULL" : Values.display(cell);
  }
}
