package dev.fetchboard.sql.assist;

/**
 * Something wrong in SQL text, from {@code start} to {@code end} (char offsets in the text that was
 * checked), in words a person can act on.
 */
public record SqlProblem(int start, int end, String message) {
  /** The 1-based line and column of {@code start} in {@code text}. */
  public int[] lineColumn(String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, start - lineStart + 1};
  }
}
