package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.assist.SqlTokens.Token;
import dev.fetchboard.sql.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks SQL as it is typed, without false alarms. jOOQ's parser does not know every PostgreSQL
 * construct, so its failure alone is never shown: a problem is reported only when it is certain (an
 * unclosed quote or parenthesis, a statement that starts with no SQL command, a token sequence
 * PostgreSQL never accepts, such as a comma right before FROM), or, when jOOQ parsed the statement,
 * a table or {@code alias.column} the loaded catalog does not have. Statements jOOQ cannot parse
 * for other reasons are returned as {@link Result#unsure()}, for the server to judge ({@link
 * ServerCheck}) when a connection is at hand.
 */
public final class SqlChecker {
  /** The words a PostgreSQL statement can start with. */
  static final Set<String> COMMANDS =
      Set.of(
          "abort",
          "alter",
          "analyze",
          "analyse",
          "begin",
          "call",
          "checkpoint",
          "close",
          "cluster",
          "comment",
          "commit",
          "copy",
          "create",
          "deallocate",
          "declare",
          "delete",
          "discard",
          "do",
          "drop",
          "end",
          "execute",
          "explain",
          "fetch",
          "grant",
          "import",
          "insert",
          "listen",
          "load",
          "lock",
          "merge",
          "move",
          "notify",
          "prepare",
          "reassign",
          "refresh",
          "reindex",
          "release",
          "reset",
          "revoke",
          "rollback",
          "savepoint",
          "security",
          "select",
          "set",
          "show",
          "start",
          "table",
          "truncate",
          "unlisten",
          "update",
          "vacuum",
          "values",
          "with");

  /** Words a statement cannot end with. */
  private static final Set<String> INCOMPLETE_END =
      Set.of(
          "select",
          "from",
          "where",
          "join",
          "on",
          "by",
          "and",
          "or",
          "not",
          "having",
          "set",
          "into",
          "values",
          "limit",
          "offset",
          "union",
          "as",
          "in",
          "like",
          "between",
          "then",
          "else",
          "when",
          "case",
          "distinct",
          "using");

  /** Clause words that never come right after a comma, or twice in a row. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of("from", "where", "group", "order", "having", "limit", "offset", "union", "select");

  private SqlChecker() {}

  /**
   * Problems found, and the statements jOOQ could not parse that no rule confirms (offsets in the
   * whole text), for a server to judge.
   */
  public record Result(List<SqlProblem> problems, List<Statement> unsure) {}

  /** One statement of a text: where it is, and jOOQ's complaint about it. */
  public record Statement(int start, int end, String parserMessage) {}

  /** The statements of {@code text} (between semicolons), for the server to describe one by one. */
  public static List<Statement> statements(String text) {
    var out = new ArrayList<Statement>();
    for (StatementScope s : StatementScope.all(SqlTokens.of(text, null))) {
      out.add(new Statement(s.tokens.getFirst().start(), s.tokens.getLast().end(), null));
    }
    return out;
  }

  public static Result check(String text, CatalogView catalog) {
    var problems = new ArrayList<SqlProblem>();
    var unsure = new ArrayList<Statement>();
    var unclosed = new ArrayList<SqlTokens.Unclosed>();
    List<Token> tokens = SqlTokens.of(text, unclosed);
    for (SqlTokens.Unclosed u : unclosed) {
      String what =
          switch (u.kind()) {
            case STRING -> "this string is not closed";
            case QUOTED_NAME -> "this quoted name is not closed";
            case COMMENT -> "this comment is not closed";
          };
      problems.add(new SqlProblem(u.start(), Math.min(text.length(), u.start() + 1), what));
    }
    if (!problems.isEmpty()) {
      return new Result(problems, List.of());
    }
    for (StatementScope statement : StatementScope.all(tokens)) {
      checkStatement(text, statement, catalog, problems, unsure);
    }
    return new Result(problems, unsure);
  }

  private static void checkStatement(
      String text,
      StatementScope statement,
      CatalogView catalog,
      List<SqlProblem> problems,
      List<Statement> unsure) {
    List<Token> tokens = statement.tokens;
    Token first = tokens.getFirst();
    Token last = tokens.getLast();
    if (first.kind() == SqlTokens.Kind.WORD && !COMMANDS.contains(first.name())) {
      String near = nearest(first.name());
      problems.add(
          new SqlProblem(
              first.start(),
              first.end(),
              "'"
                  + first.text()
                  + "' is not a SQL command"
                  + (near == null ? "" : "; did you mean " + near + "?")));
      return;
    }
    SqlProblem certain = parentheses(tokens);
    if (certain == null) {
      certain = tokenRule(tokens);
    }
    if (certain != null) {
      problems.add(certain);
      return;
    }
    int start = first.start();
    SqlParser.Parsed parsed = SqlParser.parse(text.substring(start, last.end()));
    if (!parsed.ok()) {
      unsure.add(new Statement(start, last.end(), parsed.error()));
      return;
    }
    unknownNames(statement, catalog, problems);
  }

  private static SqlProblem parentheses(List<Token> tokens) {
    var open = new ArrayList<Token>();
    for (Token t : tokens) {
      if (t.isSymbol("(")) {
        open.add(t);
      } else if (t.isSymbol(")")) {
        if (open.isEmpty()) {
          return new SqlProblem(t.start(), t.end(), "this ')' closes nothing");
        }
        open.removeLast();
      }
    }
    return open.isEmpty()
        ? null
        : new SqlProblem(open.getLast().start(), open.getLast().end(), "this '(' is not closed");
  }

  /** Token sequences PostgreSQL never accepts, whatever else the statement holds. */
  private static SqlProblem tokenRule(List<Token> tokens) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token a = tokens.get(i);
      Token b = tokens.get(i + 1);
      boolean clauseB = b.kind() == SqlTokens.Kind.WORD && CLAUSE_WORDS.contains(b.name());
      if (a.isSymbol(",") && (clauseB || b.isSymbol(")") || b.isSymbol(","))) {
        return new SqlProblem(a.start(), a.end(), "a comma before '" + b.text() + "'");
      }
      if (clauseB && a.is(b.name()) && !b.is("select")) {
        return new SqlProblem(b.start(), b.end(), "'" + b.text() + "' twice");
      }
    }
    Token last = tokens.getLast();
    if (last.isSymbol(",")
        || last.kind() == SqlTokens.Kind.WORD && INCOMPLETE_END.contains(last.name())) {
      return new SqlProblem(
          last.start(), last.end(), "the statement ends after '" + last.text() + "'");
    }
    return null;
  }

  /** Tables and {@code alias.column}s the loaded catalog does not have. */
  private static void unknownNames(
      StatementScope statement, CatalogView catalog, List<SqlProblem> problems) {
    String current = catalog.currentSchema();
    for (TableRef ref : statement.tables) {
      if (ref.derived()) {
        continue;
      }
      String schema = ref.schema() != null ? ref.schema() : current;
      if (catalog.tables(schema) == null
          || ref.schema() == null
              && (ref.table().startsWith("pg_") || statement.cteNames.contains(ref.table()))) {
        continue;
      }
      if (SqlCompleter.resolve(ref, catalog, current, null) == null
          && !inOtherSchema(ref, catalog)) {
        problems.add(
            new SqlProblem(
                ref.start(),
                ref.end(),
                "no table or view named " + ref.table() + " in schema " + schema));
      }
    }
    List<Token> tokens = statement.tokens;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token q = tokens.get(i);
      Token c = tokens.get(i + 2);
      if (!q.isName()
          || !tokens.get(i + 1).isSymbol(".")
          || !c.isName()
          || i > 0 && tokens.get(i - 1).isSymbol(".")
          || i + 3 < tokens.size()
              && (tokens.get(i + 3).isSymbol("(") || tokens.get(i + 3).isSymbol("."))) {
        continue;
      }
      TableRef ref = statement.resolve(q.name());
      if (ref == null || ref.derived() || ref.start() == q.start()) {
        continue;
      }
      TableInfo table = SqlCompleter.resolve(ref, catalog, current, null);
      if (table != null && table.column(c.name()) == null) {
        problems.add(
            new SqlProblem(
                c.start(),
                c.end(),
                "column " + c.name() + " is not in " + table.name() + nearColumn(table, c.name())));
      }
    }
  }

  private static boolean inOtherSchema(TableRef ref, CatalogView catalog) {
    if (ref.schema() != null) {
      return false;
    }
    for (String s : catalog.schemas()) {
      if (catalog.table(s, ref.table()) != null) {
        return true;
      }
    }
    return false;
  }

  private static String nearColumn(TableInfo table, String name) {
    String best = null;
    int bestDistance = 3;
    for (var c : table.columns()) {
      int d = distance(c.name(), name);
      if (d < bestDistance) {
        best = c.name();
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean " + best + "?";
  }

  private static String nearest(String word) {
    String best = null;
    int bestDistance = 3;
    for (String c : COMMANDS) {
      int d = distance(c, word.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance (short words only). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
