package dev.fetchboard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a read-only panel may send, known from its text before anything is sent: one statement, none
 * that ends or changes the transaction or the session ({@code begin}, {@code commit}, {@code set},
 * {@code reset}, {@code discard}, …), no {@code set_config}, no {@code copy}, {@code do} or {@code
 * call}. Together with the read-only transaction around it, such a statement cannot write or leave
 * anything behind for the next panel.
 */
final class ReadOnlyCheck {
  private ReadOnlyCheck() {}

  private static final String LIFT = "; set allowWrites: true to let it";

  private static final String TRANSACTION = "it ends or changes the transaction";
  private static final String SESSION = "it changes the session, which later panels share";

  /** Why each refused first word is refused. */
  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("begin", TRANSACTION),
          Map.entry("start", TRANSACTION),
          Map.entry("commit", TRANSACTION),
          Map.entry("end", TRANSACTION),
          Map.entry("rollback", TRANSACTION),
          Map.entry("abort", TRANSACTION),
          Map.entry("savepoint", TRANSACTION),
          Map.entry("release", TRANSACTION),
          Map.entry("prepare", "it prepares a transaction or a statement that outlives the panel"),
          Map.entry("set", SESSION),
          Map.entry("reset", SESSION),
          Map.entry("discard", SESSION),
          Map.entry("load", SESSION),
          Map.entry("listen", SESSION),
          Map.entry("unlisten", SESSION),
          Map.entry("notify", "it signals other sessions"),
          Map.entry("declare", SESSION),
          Map.entry("deallocate", SESSION),
          Map.entry("copy", "copy reads and writes files and programs on the server"),
          Map.entry("do", "it runs procedural code"),
          Map.entry("call", "a procedure may commit"),
          Map.entry("lock", "it takes locks, not rows"),
          Map.entry("vacuum", "it is maintenance, not a query"),
          Map.entry("analyze", "it is maintenance, not a query"),
          Map.entry("cluster", "it is maintenance, not a query"),
          Map.entry("reindex", "it is maintenance, not a query"),
          Map.entry("checkpoint", "it is maintenance, not a query"));

  /** One statement of a text: where its first word is, and that word in lower case. */
  record Statement(int start, String firstWord) {}

  /**
   * Why a read-only panel must not send {@code sql}, as a message that says what lifts it, or null
   * when it may.
   */
  static String refusal(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    if (lower.contains("set_config")) {
      return "a read-only panel cannot call set_config (it changes the session's settings, which"
          + " later panels share)"
          + LIFT;
    }
    String unclosed = unclosed(sql);
    if (unclosed != null) {
      return unclosed;
    }
    List<Statement> statements = statements(sql);
    if (statements.size() > 1) {
      return "a read-only panel runs one statement, and this text has "
          + statements.size()
          + " (the second starts "
          + SqlErrors.position(sql, statements.get(1).start() + 1)
          + "); set allowWrites: true to run several";
    }
    if (statements.size() == 1) {
      String word = statements.getFirst().firstWord();
      String why = REFUSED.get(word);
      if (why != null) {
        return "a read-only panel cannot run '" + word + "' (" + why + ")" + LIFT;
      }
    }
    return null;
  }

  /** The statements of {@code sql}: text between semicolons that holds more than comments. */
  static List<Statement> statements(String sql) {
    var out = new ArrayList<Statement>();
    int i = 0;
    int n = sql.length();
    int start = -1;
    while (i < n) {
      char c = sql.charAt(i);
      SqlText.Span skipped = SqlText.skippedAt(sql, i);
      if (skipped != null) {
        if (start < 0 && skipped.kind() != SqlText.Kind.COMMENT) {
          start = i;
          out.add(new Statement(i, ""));
        }
        i = skipped.end();
        continue;
      }
      if (c == ';') {
        start = -1;
      } else if (start < 0 && !Character.isWhitespace(c) && c != '(') {
        start = i;
        int end = i;
        while (end < n && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        out.add(new Statement(i, sql.substring(i, end).toLowerCase(Locale.ROOT)));
      }
      i++;
    }
    return out;
  }

  /**
   * The text up to the semicolon that ends its only statement, when all after it is comments or
   * space (which the driver would otherwise send as a statement of its own); else the text as is.
   */
  static String withoutTrailing(String sql) {
    int i = 0;
    while (i < sql.length()) {
      SqlText.Span skipped = SqlText.skippedAt(sql, i);
      if (skipped != null) {
        i = skipped.end();
      } else if (sql.charAt(i) == ';') {
        return statements(sql.substring(i + 1)).isEmpty() ? sql.substring(0, i) : sql;
      } else {
        i++;
      }
    }
    return sql;
  }

  /** A message when the text ends inside a comment, literal or quoted name, else null. */
  private static String unclosed(String sql) {
    int i = 0;
    while (i < sql.length()) {
      SqlText.Span skipped = SqlText.skippedAt(sql, i);
      if (skipped == null) {
        i++;
        continue;
      }
      if (!skipped.closed()) {
        String what =
            switch (skipped.kind()) {
              case COMMENT -> "a comment";
              case STRING -> "a string";
              case QUOTED_NAME -> "a quoted name";
            };
        return what + " that starts " + SqlErrors.position(sql, i + 1) + " is never closed";
      }
      i = skipped.end();
    }
    return null;
  }
}
