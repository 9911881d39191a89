package dev.fetchboard.ui.model;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.engine.Values;
import dev.fetchboard.workspace.ViewKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What a tile shows of a result, in the tile's monospace lines: column names ({@code header}, null
 * for text) above the first rows lined up under them, or the start of a text, cut cleanly.
 */
public record TilePreview(String header, String text) {
  /** Nothing to show (no run yet, or the run failed: the tile shows its problem instead). */
  public static final TilePreview NONE = new TilePreview(null, "");

  /** Characters of a tile's line: a tile of the narrowest width shows this many. */
  static final int WIDTH = 38;

  /** Rows a table tile shows. */
  static final int ROWS = 3;

  /** A cell is never wider than this on a tile. */
  static final int CELL = 16;

  /** Characters and lines of text a raw tile shows. */
  static final int TEXT_CHARS = 150;

  static final int TEXT_LINES = 4;

  /** Looks this far back from a cut for a space or a comma to cut at instead. */
  private static final int CLEAN_CUT_REACH = 30;

  /** Just a text (a single value, a body). */
  public static TilePreview text(String text) {
    return new TilePreview(null, text);
  }

  /** The preview of {@code r}, shown as {@code view} asks. */
  static TilePreview of(RunResult r, ViewKind view) {
    // A failed run or an error response shows its problem line, not its body, on the tile.
    if (RunFacts.failed(r)) {
      return NONE;
    }
    String body = RunFacts.body(r);
    if (view == ViewKind.VALUE && r.value() != null) {
      return text(Values.display(r.value()));
    }
    if (view == ViewKind.RAW) {
      if (body != null) {
        return text(start(body, TEXT_CHARS, TEXT_LINES));
      }
      if (r.table() != null) {
        return text(firstCells(r.table()));
      }
    } else if (r.table() != null && r.table().rowCount() > 0) {
      return table(r.table());
    } else if (body != null) {
      return text(start(body, TEXT_CHARS, TEXT_LINES));
    }
    return r.value() == null ? NONE : text(Values.display(r.value()));
  }

  /** Column names over the first rows, as many columns as fit a tile's line. */
  static TilePreview table(ResultTable t) {
    int rows = Math.min(ROWS, t.rowCount());
    var cells = new ArrayList<List<String>>();
    var widths = new ArrayList<Integer>();
    int used = 0;
    for (int c = 0; c < t.columns().size(); c++) {
      var column = new ArrayList<String>(rows + 1);
      Column col = t.columns().get(c);
      column.add(cut(col.name(), CELL));
      for (int r = 0; r < rows; r++) {
        Object v = t.cell(r, c);
        column.add(cut(v == null ? "NULL" : Values.display(v), CELL));
      }
      int width = column.stream().mapToInt(String::length).max().orElse(0);
      int needed = (c == 0 ? 0 : 2) + width;
      if (c > 0 && used + needed > WIDTH) {
        break;
      }
      cells.add(column);
      widths.add(width);
      used += needed;
    }
    var lines = new ArrayList<String>(rows + 1);
    for (int r = 0; r <= rows; r++) {
      var line = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        String s = cells.get(c).get(r);
        line.append(c == 0 ? "" : "  ").append(s);
        if (c + 1 < cells.size()) {
          line.append(" ".repeat(widths.get(c) - s.length()));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return new TilePreview(lines.getFirst(), String.join("\n", lines.subList(1, lines.size())));
  }

  /** The first rows as lines of text, whole cells while they fit a tile's line. */
  static String firstCells(ResultTable t) {
    var lines = new ArrayList<String>();
    for (int r = 0; r < Math.min(ROWS, t.rowCount()); r++) {
      var line = new StringBuilder();
      for (int c = 0; c < t.columns().size(); c++) {
        Object v = t.cell(r, c);
        String s = oneLine(v == null ? "NULL" : Values.display(v));
        String sep = c == 0 ? "" : "  ";
        if (line.length() + sep.length() + s.length() > WIDTH) {
          line.append(c == 0 ? cut(s, WIDTH) : " …");
          break;
        }
        line.append(sep).append(s);
      }
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }

  /**
   * The start of {@code text}: at most {@code maxChars} characters on {@code maxLines} lines,
   * ending between words (or after a comma) with "…" when there is more.
   */
  static String start(String text, int maxChars, int maxLines) {
    String s = printable(text).strip();
    int end = 0;
    int lines = 1;
    while (end < s.length() && end < maxChars) {
      if (s.charAt(end) == '\n' && ++lines > maxLines) {
        break;
      }
      end++;
    }
    if (end >= s.length()) {
      return s;
    }
    return s.substring(0, cleanCut(s, end)).stripTrailing() + "…";
  }

  /** {@code s} cut to {@code max} characters, with "…" when it was longer. */
  static String cut(String s, int max) {
    String line = oneLine(s);
    if (line.length() <= max) {
      return line;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(line.charAt(end))) {
      end--;
    }
    return line.substring(0, end) + "…";
  }

  /** Where to cut {@code s} at or before {@code end}: a space, after a comma, never in a pair. */
  private static int cleanCut(String s, int end) {
    if (Character.isWhitespace(s.charAt(end))) {
      return end;
    }
    for (int i = end - 1; i > 0 && i >= end - CLEAN_CUT_REACH; i--) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        return i;
      }
      if (ch == ',' || ch == ';') {
        return i + 1;
      }
    }
    return Character.isLowSurrogate(s.charAt(end)) ? end - 1 : end;
  }

  private static String oneLine(String s) {
    return printable(s).replace('\n', ' ');
  }

  /** Line breaks as {@code \n}, tabs and other control characters as spaces. */
  private static String printable(String s) {
    var sb = new StringBuilder(Math.min(s.length(), 4 * TEXT_CHARS));
    int limit = Math.min(s.length(), 4 * TEXT_CHARS);
    for (int i = 0; i < limit; i++) {
      char ch = s.charAt(i);
      if (ch == '\r') {
        if (i + 1 < limit && s.charAt(i + 1) == '\n') {
          continue;
        }
        sb.append('\n');
      } else if (ch != '\n' && Character.isISOControl(ch)) {
        sb.append(' ');
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
