package dev.fetchboard.sql.assist;

import java.util.List;
import org.jooq.Queries;

/**
 * Formats SQL through jOOQ's renderer (PostgreSQL, formatted), keeping {@code :name} parameters.
 * When the text has comments, or jOOQ cannot parse it, or its rendering would change what the
 * statement means as far as can be told (a parameter lost), the text is left as it is, with why.
 */
public final class SqlFormatter {
  private SqlFormatter() {}

  /** The formatted text, or the reason it was left alone (then {@code text} is null). */
  public record Formatted(String text, String refusal) {}

  public static Formatted format(String sql) {
    List<SqlTokens.Unclosed> unclosed = new java.util.ArrayList<>();
    List<SqlTokens.Token> tokens = SqlTokens.of(sql, unclosed);
    if (!unclosed.isEmpty()) {
      return new Formatted(null, "not formatted: the text ends inside a string or comment");
    }
    if (hasComment(sql)) {
      return new Formatted(null, "not formatted: the formatter would drop the comments");
    }
    if (tokens.isEmpty()) {
      return new Formatted(null, "nothing to format");
    }
    SqlParser.Parsed parsed = SqlParser.parse(sql);
    if (!parsed.ok()) {
      return new Formatted(
          null, "not formatted: the formatter cannot read this SQL (" + parsed.error() + ")");
    }
    Queries queries = parsed.queries();
    String rendered = SqlParser.context().renderNamedParams(queries);
    var before = params(tokens);
    var after = params(SqlTokens.of(rendered, null));
    if (!before.equals(after)) {
      return new Formatted(null, "not formatted: the formatter would change the parameters");
    }
    return new Formatted(rendered.strip(), null);
  }

  private static List<String> params(List<SqlTokens.Token> tokens) {
    return tokens.stream()
        .filter(t -> t.kind() == SqlTokens.Kind.PARAM)
        .map(SqlTokens.Token::text)
        .toList();
  }

  private static boolean hasComment(String sql) {
    for (int i = 0; i < sql.length(); i++) {
      var span = dev.fetchboard.sql.SqlText.skippedAt(sql, i);
      if (span != null) {
        if (span.kind() == dev.fetchboard.sql.SqlText.Kind.COMMENT) {
          return true;
        }
        i = Math.max(i, span.end() - 1);
      }
    }
    return false;
  }
}
