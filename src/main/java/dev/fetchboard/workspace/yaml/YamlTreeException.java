package dev.fetchboard.workspace.yaml;

/** YAML text that cannot be a workspace's node tree, with the 1-based line and column where. */
public final class YamlTreeException extends Exception {
  private final int line;
  private final int column;

  public YamlTreeException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** 1-based line, never 0. */
  public int line() {
    return line;
  }

  /** 1-based column, never 0. */
  public int column() {
    return column;
  }
}
