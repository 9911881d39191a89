package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL text cut into tokens the way PostgreSQL reads it (comments dropped; strings, quoted names,
 * dollar quotes and {@code :name} parameters kept whole), each with where it is. Tolerant: half
 * typed text still gives tokens.
 */
final class SqlTokens {
  private SqlTokens() {}

  enum Kind {
    WORD,
    QUOTED_NAME,
    STRING,
    NUMBER,
    PARAM,
    SYMBOL
  }

  /** A token; {@code text} is as written, {@link #name()} what it names. */
  record Token(Kind kind, String text, int start, int end) {
    /** The identifier it names: folded to lower case unless quoted; null for non-names. */
    String name() {
      return switch (kind) {
        case WORD -> text.toLowerCase(Locale.ROOT);
        case QUOTED_NAME ->
            text.length() >= 2
                ? text.substring(1, text.endsWith("\"") ? text.length() - 1 : text.length())
                    .replace("\"\"", "\"")
                : "";
        default -> null;
      };
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String s) {
      return kind == Kind.SYMBOL && text.equals(s);
    }
  }

  /** An unclosed string, quoted name or comment, which runs to the end of the text. */
  record Unclosed(SqlText.Kind kind, int start) {}

  /** The tokens of {@code sql}; {@code unclosed} collects what the text ends inside of. */
  static List<Token> of(String sql, List<Unclosed> unclosed) {
    var out = new ArrayList<Token>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      SqlText.Span span = SqlText.skippedAt(sql, i);
      if (span != null) {
        if (!span.closed() && unclosed != null) {
          unclosed.add(new Unclosed(span.kind(), i));
        }
        switch (span.kind()) {
          case STRING ->
              out.add(new Token(Kind.STRING, sql.substring(i, span.end()), i, span.end()));
          case QUOTED_NAME ->
              out.add(new Token(Kind.QUOTED_NAME, sql.substring(i, span.end()), i, span.end()));
          case COMMENT -> {}
        }
        i = Math.max(span.end(), i + 1);
        continue;
      }
      int param = SqlText.parameterEnd(sql, i);
      if (param > 0) {
        out.add(new Token(Kind.PARAM, sql.substring(i, param), i, param));
        i = param;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j)) || "_$".indexOf(sql.charAt(j)) >= 0)) {
          j++;
        }
        out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.NUMBER, sql.substring(i, j), i, j));
        i = j;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.add(new Token(Kind.SYMBOL, "::", i, i + 2));
        i += 2;
      } else {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return out;
  }
}
