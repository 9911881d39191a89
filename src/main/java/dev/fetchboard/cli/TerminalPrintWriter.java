package dev.fetchboard.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The CLI's stderr: everything printed through it is made terminal-safe ({@link
 * TerminalSafeWriter}), except the progress line's own cursor controls, which go through {@link
 * #printControl}.
 */
final class TerminalPrintWriter extends PrintWriter {
  private final Writer raw;

  private TerminalPrintWriter(Writer raw) {
    super(new TerminalSafeWriter(raw), true);
    this.raw = raw;
  }

  static TerminalPrintWriter of(PrintStream stream) {
    return new TerminalPrintWriter(new OutputStreamWriter(stream, stream.charset()));
  }

  /** Writes text we made ourselves, cursor controls included, as it is. */
  void printControl(String text) {
    synchronized (lock) {
      flush();
      try {
        raw.write(text);
        raw.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
