package dev.fetchboard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code :name} placeholders in SQL and turns them into {@code ?} binds, skipping string
 * literals, quoted identifiers, comments, dollar-quoted bodies and {@code ::} casts, so parameters
 * are always bound values and never spliced into the text. A {@code ?} of the query's own (jsonb's
 * {@code ?}, {@code ?|}, {@code ?&}) becomes {@code ??}, which pgjdbc sends as one {@code ?}.
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
      SqlText.Span skipped = SqlText.skippedAt(sql, i);
      int param = SqlText.parameterEnd(sql, i);
      if (skipped != null) {
        out.append(sql, i, skipped.end());
        i = skipped.end();
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (c == '?') {
        out.append("??");
        i++;
      } else if (param > 0) {
        names.add(sql.substring(i + 1, param));
        out.append('?');
        i = param;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Parsed(out.toString(), List.copyOf(names));
  }
}
