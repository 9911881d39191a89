package dev.fetchboard.workspace;

/**
 * One thing wrong with a workspace, e.g. {@code panels[2].http.url}: "only http and https URLs are
 * supported". {@code line} and {@code column} are 1-based, or 0 when unknown.
 */
public record Problem(String where, String message, int line, int column) {

  public Problem(String where, String message) {
    this(where, message, 0, 0);
  }

  public Problem at(int newLine, int newColumn) {
    return new Problem(where, message, newLine, newColumn);
  }

  /** "where: message", or the message alone. */
  public String describe() {
    return where == null || where.isEmpty() ? message : where + ": " + message;
  }
}
