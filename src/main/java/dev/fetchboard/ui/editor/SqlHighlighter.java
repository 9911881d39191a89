package dev.fetchboard.ui.editor;

import dev.fetchboard.sql.SqlText;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Splits SQL into style classes for the code area: keyword, string, comment, number, param ({@code
 * :name}). One linear pass, no regex backtracking, so it is safe on any text it is given.
 */
final class SqlHighlighter {
  static final String KEYWORD = "keyword";
  static final String STRING = "string";
  static final String COMMENT = "comment";
  static final String NUMBER = "number";
  static final String PARAM = "param";

  private static final Set<String> KEYWORDS =
      Set.of(
          "select",
          "from",
          "where",
          "and",
          "or",
          "not",
          "null",
          "is",
          "in",
          "as",
          "on",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "full",
          "cross",
          "natural",
          "using",
          "group",
          "by",
          "order",
          "having",
          "limit",
          "offset",
          "fetch",
          "first",
          "next",
          "rows",
          "only",
          "insert",
          "into",
          "values",
          "update",
          "set",
          "delete",
          "returning",
          "create",
          "table",
          "view",
          "index",
          "drop",
          "alter",
          "add",
          "column",
          "with",
          "recursive",
          "union",
          "intersect",
          "except",
          "all",
          "distinct",
          "case",
          "when",
          "then",
          "else",
          "end",
          "between",
          "like",
          "ilike",
          "similar",
          "exists",
          "any",
          "some",
          "true",
          "false",
          "asc",
          "desc",
          "nulls",
          "last",
          "cast",
          "filter",
          "over",
          "partition",
          "window",
          "lateral",
          "begin",
          "commit",
          "rollback",
          "explain",
          "analyze",
          "interval",
          "default",
          "primary",
          "key",
          "references",
          "foreign",
          "unique",
          "check",
          "constraint",
          "if",
          "do",
          "nothing",
          "conflict");

  private SqlHighlighter() {}

  static StyleSpans<Collection<String>> spans(String sql) {
    var out = new StyleSpansBuilder<Collection<String>>();
    int plainFrom = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end;
      String style;
      SqlText.Span skipped = SqlText.skippedAt(sql, i);
      int param = SqlText.parameterEnd(sql, i);
      if (skipped != null) {
        end = skipped.end();
        // A quoted name stays plain, but is skipped whole so nothing inside looks like a keyword.
        style =
            switch (skipped.kind()) {
              case COMMENT -> COMMENT;
              case STRING -> STRING;
              case QUOTED_NAME -> null;
            };
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        end = i + 2;
        style = null;
      } else if (param > 0) {
        end = param;
        style = PARAM;
      } else if (Character.isDigit(c) && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
        end = i + 1;
        while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        style = NUMBER;
      } else if (isWordStart(c)) {
        end = wordEnd(sql, i);
        String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
        style = KEYWORDS.contains(word) ? KEYWORD : null;
      } else {
        end = i + 1;
        style = null;
      }
      if (style != null) {
        if (i > plainFrom) {
          out.add(List.of(), i - plainFrom);
        }
        out.add(List.of(style), end - i);
        plainFrom = end;
      }
      i = end;
    }
    out.add(List.of(), n - plainFrom);
    return out.create();
  }

  private static int wordEnd(String sql, int from) {
    int end = from;
    while (end < sql.length() && isWordPart(sql.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
