package dev.fetchboard.interop;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be imported; the message says why and, where the parser knows it, where (line
 * and column, 1-based; 0 when unknown), e.g. {@code shop.http: line 7, column 1: expected …}.
 */
public final class ImportException extends Exception {
  private final int line;
  private final int column;

  public ImportException(String message, int line, int column) {
    this(null, message, line, column);
  }

  public ImportException(String message) {
    this(null, message, 0, 0);
  }

  private ImportException(@Nullable String file, String message, int line, int column) {
    super(
        (file == null ? "" : file + ": ")
            + (line > 0 ? "line " + line + ", column " + column + ": " : "")
            + message);
    this.line = line;
    this.column = column;
  }

  /** The same problem with the file it was found in named first; line and column are kept. */
  public ImportException inFile(Object file) {
    String own = Objects.requireNonNull(getMessage(), "made from a message");
    String prefix = line > 0 ? "line " + line + ", column " + column + ": " : "";
    var e = new ImportException(String.valueOf(file), own.substring(prefix.length()), line, column);
    e.initCause(this);
    return e;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
