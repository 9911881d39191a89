package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.assist.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The statement around a caret and the relations it names: the tokens between the semicolons around
 * it, and every FROM/JOIN item and CTE name in it (at any depth, which is what completion and
 * checks need: a name is offered or accepted when any part of the statement defines it).
 */
final class StatementScope {
  /** Words after which a FROM list ends. */
  private static final Set<String> ENDS_FROM =
      Set.of(
          "where",
          "group",
          "order",
          "having",
          "limit",
          "offset",
          "window",
          "union",
          "intersect",
          "except",
          "on",
          "using",
          "returning",
          "fetch",
          "for",
          "set",
          "select",
          "values",
          "into",
          "natural",
          "inner",
          "left",
          "right",
          "full",
          "cross",
          "join",
          "lateral",
          "as",
          "with",
          "tablesample",
          "do");

  final List<Token> tokens;
  final List<TableRef> tables = new ArrayList<>();
  final List<String> cteNames = new ArrayList<>();

  private StatementScope(List<Token> tokens) {
    this.tokens = tokens;
    findRelations();
  }

  /** The statement of {@code all} (tokens of a whole text) that holds offset {@code caret}. */
  static StatementScope around(List<Token> all, int caret) {
    int from = 0;
    int to = all.size();
    for (int i = 0; i < all.size(); i++) {
      Token t = all.get(i);
      if (t.isSymbol(";")) {
        if (t.end() <= caret) {
          from = i + 1;
        } else {
          to = i;
          break;
        }
      }
    }
    return new StatementScope(all.subList(from, to));
  }

  /** Every statement of a text, split at semicolons. */
  static List<StatementScope> all(List<Token> all) {
    var out = new ArrayList<StatementScope>();
    int from = 0;
    for (int i = 0; i <= all.size(); i++) {
      if (i == all.size() || all.get(i).isSymbol(";")) {
        if (i > from) {
          out.add(new StatementScope(all.subList(from, i)));
        }
        from = i + 1;
      }
    }
    return out;
  }

  /** The relation the statement calls {@code name} (alias first, then table name), or null. */
  TableRef resolve(String name) {
    for (TableRef t : tables) {
      if (t.alias() != null && t.alias().equals(name)) {
        return t;
      }
    }
    for (TableRef t : tables) {
      if (t.alias() == null && t.table().equals(name)) {
        return t;
      }
    }
    for (TableRef t : tables) {
      if (t.table().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private void findRelations() {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      // WITH name [ (cols) ] AS ( … ): a CTE, usable as a table.
      if ((t.is("with") || t.isSymbol(",")) && i + 1 < tokens.size()) {
        int j = i + 1;
        if (t.is("with") && j < tokens.size() && tokens.get(j).is("recursive")) {
          j++;
        }
        if (j + 1 < tokens.size() && tokens.get(j).isName()) {
          int k = j + 1;
          if (tokens.get(k).isSymbol("(") && (t.is("with") || isCteList(i))) {
            k = closing(k) + 1;
          }
          if (k + 1 < tokens.size() && tokens.get(k).is("as") && tokens.get(k + 1).isSymbol("(")
              || k + 2 < tokens.size()
                  && tokens.get(k).is("as")
                  && tokens.get(k + 1).is("materialized")
              || k + 3 < tokens.size() && tokens.get(k).is("as") && tokens.get(k + 1).is("not")) {
            cteNames.add(tokens.get(j).name());
          }
        }
      }
      if (t.is("from") || t.is("join") || t.is("update") || t.is("into")) {
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        if (previous != null
            && (t.is("from") && previous.is("distinct")
                || t.is("update") && (previous.is("for") || previous.is("key")))) {
          continue; // IS DISTINCT FROM, FOR [NO KEY] UPDATE
        }
        readFromList(i + 1, t.is("from"));
      }
    }
    for (String cte : cteNames) {
      for (int i = 0; i < tables.size(); i++) {
        TableRef r = tables.get(i);
        if (r.schema() == null && r.table().equals(cte)) {
          tables.set(i, new TableRef(null, r.table(), r.alias(), r.start(), r.end(), true));
        }
      }
    }
  }

  private boolean isCteList(int comma) {
    for (int i = comma - 1; i >= 0; i--) {
      if (tokens.get(i).is("with")) {
        return true;
      }
      if (tokens.get(i).is("select") && depthBetween(i, comma) == 0) {
        return false;
      }
    }
    return false;
  }

  private int depthBetween(int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")")) {
        depth--;
      }
    }
    return depth;
  }

  private void readFromList(int i, boolean list) {
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.is("only") || t.is("lateral")) {
        i++;
        continue;
      }
      int next;
      if (t.isSymbol("(")) {
        int close = closing(i);
        next = close + 1;
        String alias = null;
        if (next < tokens.size() && tokens.get(next).is("as")) {
          next++;
        }
        if (next < tokens.size() && tokens.get(next).isName() && !ends(tokens.get(next))) {
          alias = tokens.get(next).name();
          next++;
        }
        if (alias != null) {
          tables.add(new TableRef(null, alias, alias, t.start(), t.end(), true));
        }
      } else if (t.isName() && !ends(t)) {
        String schema = null;
        String table = t.name();
        int start = t.start();
        int end = t.end();
        next = i + 1;
        if (next + 1 < tokens.size()
            && tokens.get(next).isSymbol(".")
            && tokens.get(next + 1).isName()) {
          schema = table;
          table = tokens.get(next + 1).name();
          end = tokens.get(next + 1).end();
          next += 2;
        }
        boolean function = next < tokens.size() && tokens.get(next).isSymbol("(");
        if (function) {
          next = closing(next) + 1;
          if (next < tokens.size() && tokens.get(next).is("with")) {
            next += 2; // WITH ORDINALITY
          }
        }
        if (next < tokens.size() && tokens.get(next).is("as")) {
          next++;
        }
        String alias = null;
        if (next < tokens.size() && tokens.get(next).isName() && !ends(tokens.get(next))) {
          alias = tokens.get(next).name();
          next++;
        }
        if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
          next = closing(next) + 1; // alias column list
        }
        tables.add(new TableRef(schema, table, alias, start, end, function));
      } else {
        return;
      }
      if (!list || next >= tokens.size() || !tokens.get(next).isSymbol(",")) {
        return;
      }
      i = next + 1;
    }
  }

  private static boolean ends(Token t) {
    return t.kind() == SqlTokens.Kind.WORD && ENDS_FROM.contains(t.name());
  }

  /** The index of the parenthesis closing the one at {@code open} (or the last token). */
  int closing(int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return tokens.size() - 1;
  }
}
