package dev.fetchboard.sql;

/**
 * How Fetchboard reads PostgreSQL text: where a literal, a quoted name or a comment starts and
 * ends, and where a {@code :name} parameter is. Binding ({@link NamedParameters}) and the editor's
 * highlighting both use it, so what the editor shows as a parameter is exactly what is bound.
 */
public final class SqlText {
  private SqlText() {}

  /** What a skipped span is. */
  public enum Kind {
    COMMENT,
    STRING,
    QUOTED_NAME
  }

  /** A span of text nothing inside of which is SQL: it ends before {@code end}. */
  public record Span(Kind kind, int end) {}

  /**
   * The comment, string literal ('…', E'…' with backslash escapes, $tag$…$tag$) or quoted name
   * ("…") starting at {@code i}, or null when none starts there. An unclosed one runs to the end.
   */
  public static Span skippedAt(String sql, int i) {
    int n = sql.length();
    char c = sql.charAt(i);
    if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
      int end = sql.indexOf('\n', i);
      return new Span(Kind.COMMENT, end < 0 ? n : end);
    }
    if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return new Span(Kind.COMMENT, end < 0 ? n : end + 2);
    }
    if (c == '\'') {
      return new Span(Kind.STRING, closing(sql, i, c));
    }
    if (c == '"') {
      return new Span(Kind.QUOTED_NAME, closing(sql, i, c));
    }
    if (c == '$') {
      String tag = dollarTag(sql, i);
      if (tag != null) {
        int end = sql.indexOf(tag, i + tag.length());
        return new Span(Kind.STRING, end < 0 ? n : end + tag.length());
      }
    }
    return null;
  }

  /**
   * The end of the {@code :name} parameter whose colon is at {@code i}, or -1 when there is none (a
   * {@code ::} cast, or a colon not followed by a name).
   */
  public static int parameterEnd(String sql, int i) {
    int n = sql.length();
    if (sql.charAt(i) != ':' || i + 1 >= n) {
      return -1;
    }
    char next = sql.charAt(i + 1);
    if (next == ':' || next == '$' || !Character.isJavaIdentifierStart(next)) {
      return -1;
    }
    int end = i + 1;
    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    boolean backslashEscapes =
        quote == '\''
            && start > 0
            && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static String dollarTag(String sql, int start) {
    int i = start + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i < sql.length()
        && sql.charAt(i) == '$'
        && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
      return sql.substring(start, i + 1);
    }
    return null;
  }
}
