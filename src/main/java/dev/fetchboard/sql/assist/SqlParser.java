package dev.fetchboard.sql.assist;

import org.jooq.DSLContext;
import org.jooq.Queries;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;

/**
 * jOOQ's SQL parser set up for PostgreSQL as panels write it ({@code :name} parameters, functions
 * it does not know passed through). Built on first use, so the classes load only when needed.
 */
final class SqlParser {
  private static final class Holder {
    static final DSLContext PARSING =
        DSL.using(
            SQLDialect.POSTGRES,
            new Settings()
                .withParseDialect(SQLDialect.POSTGRES)
                .withParseNamedParamPrefix(":")
                .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
                .withRenderFormatted(true));
  }

  private SqlParser() {}

  /** The outcome of parsing one statement: the queries, or where and why it failed. */
  record Parsed(Queries queries, int errorAt, String error) {
    boolean ok() {
      return queries != null;
    }
  }

  static Parsed parse(String sql) {
    try {
      return new Parsed(Holder.PARSING.parser().parse(sql), -1, null);
    } catch (ParserException e) {
      return new Parsed(null, Math.max(0, e.position()), plain(e.getMessage()));
    } catch (RuntimeException e) {
      return new Parsed(null, 0, plain(e.getMessage()));
    }
  }

  static DSLContext context() {
    return Holder.PARSING;
  }

  /** jOOQ's message without the echo of the SQL it appends ("…: [1:8] select [*]…"). */
  static String plain(String message) {
    if (message == null) {
      return "cannot read this SQL";
    }
    int echo = message.indexOf(": [");
    String m = echo > 0 ? message.substring(0, echo) : message;
    int link = m.indexOf(". If you're interested");
    return (link > 0 ? m.substring(0, link) : m).strip();
  }
}
