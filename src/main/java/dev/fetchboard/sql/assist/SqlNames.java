package dev.fetchboard.sql.assist;

import java.util.Set;
import java.util.regex.Pattern;

/** Writing names into SQL: quoted when PostgreSQL would otherwise read them differently. */
public final class SqlNames {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  /** PostgreSQL's reserved words, which a name must be quoted to be. */
  static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_catalog",
          "current_date",
          "current_role",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "localtime",
          "localtimestamp",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "placing",
          "primary",
          "references",
          "returning",
          "select",
          "session_user",
          "some",
          "symmetric",
          "system_user",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with");

  private SqlNames() {}

  /** {@code name} as it must be written: as is when plain, else in double quotes. */
  public static String quoteIfNeeded(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
