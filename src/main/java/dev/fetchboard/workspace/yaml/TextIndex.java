package dev.fetchboard.workspace.yaml;

import java.util.Arrays;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Offsets in a text: lines (split at '\n') and the char offset of a SnakeYAML mark, whose index
 * counts code points, not chars.
 */
final class TextIndex {
  private final String text;
  private final int[] lineStarts;
  // Code point indexes of the characters outside the BMP (two chars each), in order.
  private final int[] wideCodePoints;

  TextIndex(String text) {
    this.text = text;
    int lines = 1;
    int wide = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines++;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        wide++;
      }
    }
    lineStarts = new int[lines];
    wideCodePoints = new int[wide];
    int line = 1;
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStarts[line++] = i + 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        wideCodePoints[w] = i - w;
        w++;
      }
    }
  }

  String text() {
    return text;
  }

  /** The char offset of a mark. */
  int offset(Mark mark) {
    return offsetOfCodePoint(mark.getIndex());
  }

  int offsetOfCodePoint(int codePointIndex) {
    int before = Arrays.binarySearch(wideCodePoints, codePointIndex);
    before = before >= 0 ? before : -before - 1;
    return Math.min(text.length(), codePointIndex + before);
  }

  /** 0-based line of a char offset. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  int lineCount() {
    return lineStarts.length;
  }

  int lineStart(int line) {
    return line >= lineStarts.length ? text.length() : lineStarts[line];
  }

  /** The offset just past the line's '\n' (or the end of the text). */
  int lineEnd(int line) {
    return lineStart(line + 1);
  }

  /** 0-based column of an offset, in chars. */
  int column(int offset) {
    return offset - lineStart(lineOf(offset));
  }

  /** True when only spaces precede {@code offset} on its line. */
  boolean startsLine(int offset) {
    for (int i = lineStart(lineOf(offset)); i < offset; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }
}
