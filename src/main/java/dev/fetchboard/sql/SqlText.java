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

  /**
   * A span of text nothing inside of which is SQL: it ends before {@code end}; {@code closed} is
   * false when the text ends inside it.
   */
  public record Span(Kind kind, int end, boolean closed) {}

  /**
   * The comment, string literal ('…', E'…' with backslash escapes, $tag$…$tag$) or quoted name
   * ("…") starting at {@code i}, or null when none starts there. An unclosed one runs to the end.
   * Block comments nest, as PostgreSQL reads them: {@code /* a /* b *\/ c *\/} is one comment.
   */
  public static Span skippedAt(String sql, int i) {
    int n = sql.length();
    char c = sql.charAt(i);
    if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
      int end = sql.indexOf('\n', i);
      return new Span(Kind.COMMENT, end < 0 ? n : end, true);
    }
    if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
      return blockComment(sql, i);
    }
    if (c == '\'' || c == '"') {
      int end = closing(sql, i, c);
      return new Span(
          c == '"' ? Kind.QUOTED_NAME : Kind.STRING, end < 0 ? sql.length() : end, end >= 0);
    }
    if (c == '$' && (i == 0 || !isNameChar(sql.charAt(i - 1)))) {
      String tag = dollarTag(sql, i);
      if (tag != null) {
        int end = sql.indexOf(tag, i + tag.length());
        return new Span(Kind.STRING, end < 0 ? n : end + tag.length(), end >= 0);
      }
    }
    return null;
  }

  private static Span blockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    int n = sql.length();
    while (i + 1 < n) {
      if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return new Span(Kind.COMMENT, i, true);
        }
      } else {
        i++;
      }
    }
    return new Span(Kind.COMMENT, n, false);
  }

  /**
   * True for a character that continues a name (so a {@code $} or {@code E} after it is part of
   * it).
   */
  static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
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

  /** The end of the literal or quoted name starting at {@code start}, or -1 when it is unclosed. */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    // E'…' only when the E is a word of its own: in somE'\' the quote starts a plain literal.
    boolean backslashEscapes =
        quote == '\''
            && start > 0
            && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e')
            && (start < 2 || !isNameChar(sql.charAt(start - 2)));
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
    return -1;
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
