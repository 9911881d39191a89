package dev.fetchboard.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes text meant for a person's terminal with control characters shown as escapes ({@code
 * \x1B}). Titles, error messages and response bodies come from files and servers we do not control;
 * printed raw, an escape sequence in them could recolour, retitle or rewrite the user's terminal.
 * Line feeds and tabs pass through; so does everything else printable.
 */
final class TerminalSafeWriter extends FilterWriter {
  TerminalSafeWriter(Writer out) {
    super(out);
  }

  /** True for characters that steer a terminal or reorder text instead of showing a glyph. */
  static boolean isUnsafe(int c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  @Override
  public void write(int c) throws IOException {
    if (isUnsafe(c)) {
      out.write(escape(c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (isUnsafe(buf[i])) {
        out.write(buf, start, i - start);
        out.write(escape(buf[i]));
        start = i + 1;
      }
    }
    out.write(buf, start, end - start);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (isUnsafe(s.charAt(i))) {
        out.write(s, start, i - start);
        out.write(escape(s.charAt(i)));
        start = i + 1;
      }
    }
    out.write(s, start, end - start);
  }

  private static String escape(int c) {
    return c <= 0xFF ? String.format("\\x%02X", c) : String.format("\\u%04X", c);
  }
}
