package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.assist.SqlTokens.Token;
import dev.fetchboard.sql.schema.ColumnInfo;
import dev.fetchboard.sql.schema.TableInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to offer at a caret in SQL text, from what is known of the database so far: tables and views
 * after FROM and JOIN, the columns of the tables in scope (aliases resolved) elsewhere, a schema's
 * tables after {@code schema.}, a table's columns after {@code alias.}, the panel's parameters
 * after {@code :}, and keywords; the ones starting with what is typed first. Pure and quick: it
 * never waits for the database, and says which schemas would add more once loaded.
 */
public final class SqlCompleter {
  /** Suggestions offered at most. */
  static final int MAX_SUGGESTIONS = 200;

  private static final Set<String> TABLE_CONTEXT =
      Set.of("from", "join", "update", "into", "table", "truncate");

  private static final Set<String> CLAUSES =
      Set.of(
          "select",
          "from",
          "join",
          "where",
          "on",
          "group",
          "order",
          "by",
          "having",
          "update",
          "into",
          "set",
          "returning",
          "using",
          "table",
          "truncate",
          "and",
          "or",
          "when",
          "then",
          "else",
          "values",
          "limit",
          "offset",
          "window",
          "partition");

  static final List<String> KEYWORDS =
      List.of(
          "select",
          "from",
          "where",
          "join",
          "left join",
          "inner join",
          "right join",
          "full join",
          "cross join",
          "lateral",
          "on",
          "using",
          "group by",
          "order by",
          "having",
          "limit",
          "offset",
          "with",
          "as",
          "distinct",
          "distinct on",
          "and",
          "or",
          "not",
          "in",
          "exists",
          "between",
          "like",
          "ilike",
          "is null",
          "is not null",
          "case",
          "when",
          "then",
          "else",
          "end",
          "asc",
          "desc",
          "nulls first",
          "nulls last",
          "union",
          "union all",
          "intersect",
          "except",
          "insert into",
          "values",
          "update",
          "set",
          "delete from",
          "returning",
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "coalesce",
          "now()",
          "interval",
          "filter",
          "over",
          "partition by",
          "window",
          "true",
          "false",
          "null",
          "explain",
          "show");

  private SqlCompleter() {}

  /** Suggestions at {@code caret} in {@code text}; {@code params} are the panel's names. */
  public static Completion complete(
      String text, int caret, CatalogView catalog, Collection<String> params) {
    caret = Math.max(0, Math.min(caret, text.length()));
    int from = caret;
    while (from > 0 && isNameChar(text.charAt(from - 1))) {
      from--;
    }
    String prefix = text.substring(from, caret);
    List<Token> all = SqlTokens.of(text, null);
    for (Token t : all) {
      if ((t.kind() == SqlTokens.Kind.STRING || t.kind() == SqlTokens.Kind.QUOTED_NAME)
          && t.start() < caret
          && caret < t.end() + (t.text().length() > 1 ? 0 : 1)) {
        return new Completion(from, prefix, List.of(), Set.of());
      }
    }
    var out = new ArrayList<Suggestion>();
    var wanted = new LinkedHashSet<String>();
    char before = from > 0 ? text.charAt(from - 1) : ' ';
    if (before == ':' && (from < 2 || text.charAt(from - 2) != ':')) {
      var names = new LinkedHashSet<String>(params);
      for (Token t : all) {
        if (t.kind() == SqlTokens.Kind.PARAM && t.end() != caret) {
          names.add(t.text().substring(1));
        }
      }
      names.forEach(
          n -> out.add(new Suggestion(n, ":" + n, Suggestion.Kind.PARAMETER, "parameter")));
      return new Completion(from, prefix, rank(out, prefix), wanted);
    }
    StatementScope scope = StatementScope.around(all, caret);
    String current = catalog.currentSchema();
    if (before == '.') {
      Token qualifier = qualifierBefore(all, from - 1);
      if (qualifier != null) {
        TableRef ref = scope.resolve(qualifier.name());
        // `from audit.|`: the qualifier is the FROM item being typed, a schema, not a table.
        qualified(
            qualifier.name(),
            ref != null && ref.start() == qualifier.start() ? null : ref,
            catalog,
            current,
            out,
            wanted);
      }
      return new Completion(from, prefix, rank(out, prefix), wanted);
    }
    if (tableContext(scope, from)) {
      tablesOf(current, catalog, out, wanted);
      for (String cte : scope.cteNames) {
        out.add(new Suggestion(SqlNames.quoteIfNeeded(cte), cte, Suggestion.Kind.TABLE, "WITH"));
      }
      for (String schema : catalog.schemas()) {
        out.add(
            new Suggestion(
                SqlNames.quoteIfNeeded(schema), schema, Suggestion.Kind.SCHEMA, "schema"));
      }
    } else {
      for (TableRef ref : scope.tables) {
        TableInfo table = ref.derived() ? null : resolve(ref, catalog, current, wanted);
        if (table != null) {
          for (ColumnInfo c : table.columns()) {
            out.add(
                new Suggestion(
                    SqlNames.quoteIfNeeded(c.name()),
                    c.name(),
                    Suggestion.Kind.COLUMN,
                    c.type() + " · " + ref.visibleName()));
          }
        }
        String shown = ref.visibleName();
        out.add(
            new Suggestion(
                SqlNames.quoteIfNeeded(shown), shown, Suggestion.Kind.ALIAS, ref.table()));
      }
    }
    boolean upper =
        !prefix.isEmpty()
            && prefix.equals(prefix.toUpperCase(Locale.ROOT))
            && !prefix.equals(prefix.toLowerCase(Locale.ROOT));
    for (String k : KEYWORDS) {
      String word = upper ? k.toUpperCase(Locale.ROOT) : k;
      out.add(new Suggestion(word, word, Suggestion.Kind.KEYWORD, "keyword"));
    }
    return new Completion(from, prefix, rank(out, prefix), wanted);
  }

  private static void qualified(
      String qualifier,
      TableRef ref,
      CatalogView catalog,
      String current,
      List<Suggestion> out,
      Set<String> wanted) {
    TableInfo table = null;
    if (ref != null && !ref.derived()) {
      table = resolve(ref, catalog, current, wanted);
    } else if (ref == null && !catalog.schemas().contains(qualifier)) {
      table = catalog.table(current, qualifier);
      if (catalog.tables(current) == null) {
        wanted.add(current);
      }
    }
    if (table != null) {
      for (ColumnInfo c : table.columns()) {
        out.add(
            new Suggestion(
                SqlNames.quoteIfNeeded(c.name()), c.name(), Suggestion.Kind.COLUMN, c.type()));
      }
    }
    if (ref == null && catalog.schemas().contains(qualifier)) {
      tablesOf(qualifier, catalog, out, wanted);
    }
  }

  private static void tablesOf(
      String schema, CatalogView catalog, List<Suggestion> out, Set<String> wanted) {
    List<TableInfo> tables = catalog.tables(schema);
    if (tables == null) {
      wanted.add(schema);
      return;
    }
    for (TableInfo t : tables) {
      out.add(
          new Suggestion(
              SqlNames.quoteIfNeeded(t.name()),
              t.name(),
              t.kind() == TableInfo.Kind.TABLE ? Suggestion.Kind.TABLE : Suggestion.Kind.VIEW,
              t.kind() == TableInfo.Kind.TABLE ? schema : "view · " + schema));
    }
  }

  /** The catalog table a FROM item names, looking in the current schema, then pg_catalog. */
  static TableInfo resolve(TableRef ref, CatalogView catalog, String current, Set<String> wanted) {
    if (ref.schema() != null) {
      if (catalog.tables(ref.schema()) == null && wanted != null) {
        wanted.add(ref.schema());
      }
      return catalog.table(ref.schema(), ref.table());
    }
    if (catalog.tables(current) == null && wanted != null) {
      wanted.add(current);
    }
    TableInfo t = catalog.table(current, ref.table());
    return t != null ? t : catalog.table("pg_catalog", ref.table());
  }

  private static Token qualifierBefore(List<Token> all, int dot) {
    for (Token t : all) {
      if (t.end() == dot && t.isName()) {
        return t;
      }
    }
    return null;
  }

  private static boolean tableContext(StatementScope scope, int at) {
    String last = null;
    for (Token t : scope.tokens) {
      if (t.start() >= at) {
        break;
      }
      if (t.kind() == SqlTokens.Kind.WORD && CLAUSES.contains(t.name())) {
        last = t.name();
      }
    }
    return last != null && TABLE_CONTEXT.contains(last);
  }

  /**
   * Prefix matches only (case-insensitive); those in the exact case first, then by kind, then, once
   * something is typed, shorter first; otherwise in catalog order.
   */
  static List<Suggestion> rank(List<Suggestion> all, String prefix) {
    String lower = prefix.toLowerCase(Locale.ROOT);
    var seen = new HashSet<String>();
    var matches = new ArrayList<Suggestion>();
    for (Suggestion s : all) {
      if (matchText(s).toLowerCase(Locale.ROOT).startsWith(lower)
          && seen.add(s.kind() + s.insert())) {
        matches.add(s);
      }
    }
    matches.sort(
        Comparator.comparing((Suggestion s) -> !matchText(s).startsWith(prefix))
            .thenComparing(Suggestion::kind)
            .thenComparing(s -> prefix.isEmpty() ? 0 : s.label().length()));
    return matches.size() > MAX_SUGGESTIONS ? matches.subList(0, MAX_SUGGESTIONS) : matches;
  }

  private static String matchText(Suggestion s) {
    return s.kind() == Suggestion.Kind.PARAMETER ? s.insert() : s.label();
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
