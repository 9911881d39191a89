package dev.fetchboard.interop;

/**
 * Input that cannot be imported; the message says why and, where the parser knows it, where (line
 * and column, 1-based; 0 when unknown).
 */
public final class ImportException extends Exception {
  private final int line;
  private final int column;

  public ImportException(String message, int line, int column) {
    super(line > 0 ? "line " + line + ", column " + column + ": " + message : message);
    this.line = line;
    this.column = column;
  }

  public ImportException(String message) {
    this(message, 0, 0);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
