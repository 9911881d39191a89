package dev.fetchboard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code :name} placeholders in SQL and turns them into {@code ?} binds, skipping string
 * literals, quoted identifiers, comments, dollar-quoted bodies and {@code ::} casts, so parameters
 * are always bound values and never spliced into the text.
 */
public final class NamedParameters {
  private NamedParameters() {}

  /** The SQL with {@code ?} for each placeholder, and the placeholder names in order. */
  public record Parsed(String sql, List<String> names) {}

  public static Parsed parse(String sql) {
    var out = new StringBuilder(sql.length());
    var names = new ArrayList<String>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        end = end < 0 ? n : end + tag.length();
        out.append(sql, i, end);
        i = end;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (c == ':'
          && i + 1 < n
          && Character.isJavaIdentifierStart(sql.charAt(i + 1))
          && sql.charAt(i + 1) != '$') {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Parsed(out.toString(), List.copyOf(names));
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
