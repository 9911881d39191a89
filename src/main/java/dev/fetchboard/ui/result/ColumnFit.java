package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Values;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths that show a result column's values whole: measured in the cells' font, grown as rows
 * arrive (up to {@link #MAX_WIDTH}) and never against a width the user dragged; a double-click on
 * the header's edge fits a column to every row of the page.
 */
final class ColumnFit {
  /** The widest a column grows by itself; the user may drag it wider. */
  static final double MAX_WIDTH = 560;

  /** The widest a double-click on the header's edge makes a column. */
  static final double MAX_FIT_WIDTH = 1200;

  static final double MIN_WIDTH = 60;

  /** Rows looked at per batch of appended rows: the longest by characters are then measured. */
  private static final int SAMPLED_ROWS = 2_000;

  private static final String USER_SIZED = "fetchboard.userSized";
  private static final String SIZING = "fetchboard.sizing";

  private final Text measure = new Text();
  private Font font = Font.getDefault();
  // Left and right padding of a cell, and room for the sort arrow and the column's border.
  private double cellPadding = 16;

  /** Takes the font and padding of a cell that is drawn (they come from the theme's CSS). */
  void learnFrom(Labeled cell) {
    if (cell.getFont() != null) {
      font = cell.getFont();
    }
    var insets = cell.getInsets();
    if (insets.getLeft() + insets.getRight() > 0) {
      cellPadding = insets.getLeft() + insets.getRight();
    }
  }

  /** Notes a width the user set by dragging, so growing leaves that column alone. */
  static void watch(TableColumn<Object[], ?> column) {
    column
        .prefWidthProperty()
        .addListener(
            (o, a, b) -> {
              if (!Boolean.TRUE.equals(column.getProperties().get(SIZING))) {
                column.getProperties().put(USER_SIZED, Boolean.TRUE);
              }
            });
  }

  /** The width for the header alone (bold, with room for the sort arrow). */
  double headerWidth(String name) {
    return Math.min(MAX_WIDTH, textWidth(name, true) + cellPadding + 24);
  }

  /**
   * Grows column {@code index} to show the values of {@code rows} (a batch that arrived), unless
   * the user sized it.
   */
  void grow(TableColumn<Object[], ?> column, int index, List<Object[]> rows) {
    if (Boolean.TRUE.equals(column.getProperties().get(USER_SIZED))) {
      return;
    }
    double wanted = Math.min(MAX_WIDTH, widest(index, rows));
    if (wanted > column.getPrefWidth()) {
      set(column, wanted);
    }
  }

  /** Fits column {@code index} to the header and every row given (a double-click on its edge). */
  void fit(TableColumn<Object[], ?> column, int index, List<Object[]> rows) {
    double wanted =
        Math.min(MAX_FIT_WIDTH, Math.max(headerWidth(column.getText()), widest(index, rows)));
    column.getProperties().put(USER_SIZED, Boolean.TRUE);
    set(column, Math.max(MIN_WIDTH, wanted));
  }

  /** Sets a width by the program, not by the user. */
  static void set(TableColumn<Object[], ?> column, double width) {
    column.getProperties().put(SIZING, Boolean.TRUE);
    try {
      column.setPrefWidth(width);
    } finally {
      column.getProperties().remove(SIZING);
    }
  }

  /**
   * The width of the widest value: rows are sampled evenly, and only the longest strings by
   * character count are measured (measuring text is the costly part).
   */
  private double widest(int index, List<Object[]> rows) {
    int n = rows.size();
    int step = Math.max(1, n / SAMPLED_ROWS);
    String[] longest = new String[3];
    for (int r = 0; r < n; r += step) {
      Object[] row = rows.get(r);
      Object v = index < row.length ? row[index] : null;
      String s = v == null ? "NULL" : Values.display(v);
      if (s.length() > 200) {
        s = s.substring(0, 200);
      }
      insert(longest, s);
    }
    double w = 0;
    for (String s : longest) {
      if (s != null) {
        w = Math.max(w, textWidth(s, false));
      }
    }
    return w + cellPadding + 8;
  }

  private static void insert(String[] longest, String s) {
    for (int i = 0; i < longest.length; i++) {
      if (longest[i] == null || s.length() > longest[i].length()) {
        System.arraycopy(longest, i, longest, i + 1, longest.length - i - 1);
        longest[i] = s;
        return;
      }
    }
  }

  private double textWidth(String s, boolean bold) {
    measure.setFont(bold ? Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()) : font);
    measure.setText(s);
    return Math.ceil(measure.getLayoutBounds().getWidth());
  }
}
