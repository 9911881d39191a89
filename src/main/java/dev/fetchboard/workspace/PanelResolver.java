package dev.fetchboard.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fetchboard.workspace.Variables.UnknownVariableException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the runnable form of a panel: every {@code ${...}} in its request or query replaced. The
 * result lives only in memory for one run; the workspace keeps the references.
 */
public final class PanelResolver {
  private final Variables variables;

  public PanelResolver(Variables variables) {
    this.variables = variables;
  }

  /** Replaces secrets resolved so far by their references; see {@link Variables#redact}. */
  public String redact(String text) {
    return variables.redact(text);
  }

  public PanelSpec resolve(PanelSpec panel) throws UnknownVariableException {
    String where = "panel '" + panel.id() + "'";
    return switch (panel.source()) {
      case null -> panel;
      case HttpRequestSpec http -> panel.withSource(resolve(http, where));
      case SqlQuerySpec sql -> panel.withSource(resolve(sql, where));
      case RedisCommandSpec redis -> panel.withSource(resolve(redis, where));
    };
  }

  /** A Redis command with variables in its words (a key name from the environment) resolved. */
  public RedisCommandSpec resolve(RedisCommandSpec redis, String where)
      throws UnknownVariableException {
    var words = new java.util.ArrayList<String>();
    for (int i = 0; i < redis.command().size(); i++) {
      words.add(text(redis.command().get(i), where, "command[" + i + "]"));
    }
    return redis.withCommand(words);
  }

  public HttpRequestSpec resolve(HttpRequestSpec http, String where)
      throws UnknownVariableException {
    var resolved =
        http.withUrl(text(http.url(), where, "url"))
            .withQuery(map(http.query(), where, "query"))
            .withHeaders(map(http.headers(), where, "headers"));
    if (http.body() != null) {
      BodySpec b = http.body();
      resolved =
          resolved.withBody(
              new BodySpec(
                  text(b.contentType(), where, "body.contentType"),
                  text(b.text(), where, "body.text"),
                  b.json() == null ? null : json(b.json(), where + ", field body.json"),
                  b.form() == null ? null : map(b.form(), where, "body.form")));
    }
    if (http.auth() != null) {
      AuthSpec a = http.auth();
      resolved =
          resolved.withAuth(
              new AuthSpec(
                  a.basic() == null
                      ? null
                      : new AuthSpec.Basic(
                          text(a.basic().user(), where, "auth.basic.user"),
                          text(a.basic().password(), where, "auth.basic.password")),
                  text(a.bearer(), where, "auth.bearer")));
    }
    return resolved;
  }

  public SqlQuerySpec resolve(SqlQuerySpec sql, String where) throws UnknownVariableException {
    var params = new LinkedHashMap<String, Object>();
    for (var e : sql.params().entrySet()) {
      Object v = e.getValue();
      params.put(
          e.getKey(),
          v instanceof String s ? variables.resolve(s, where + ", parameter " + e.getKey()) : v);
    }
    return sql.withParams(params);
  }

  /** A connection with its variables (usually the password reference) resolved. */
  public ConnectionSpec resolve(String name, ConnectionSpec c) throws UnknownVariableException {
    String where = "connection '" + name + "'";
    return new ConnectionSpec(
        text(c.url(), where, "url"),
        text(c.host(), where, "host"),
        c.port(),
        text(c.database(), where, "database"),
        text(c.user(), where, "user"),
        text(c.password(), where, "password"),
        c.sslmode(),
        text(c.sslrootcert(), where, "sslrootcert"),
        c.applicationName(),
        c.maxConcurrency());
  }

  private String text(String value, String where, String field) throws UnknownVariableException {
    return variables.resolve(value, where + ", field " + field);
  }

  private Map<String, String> map(Map<String, String> in, String where, String field)
      throws UnknownVariableException {
    var out = new LinkedHashMap<String, String>();
    for (var e : in.entrySet()) {
      String f = field + "." + e.getKey();
      out.put(
          variables.resolve(e.getKey(), where + ", field " + f),
          variables.resolve(e.getValue(), where + ", field " + f));
    }
    return out;
  }

  private JsonNode json(JsonNode node, String where) throws UnknownVariableException {
    if (node.isTextual()) {
      return TextNode.valueOf(variables.resolve(node.asText(), where));
    }
    if (node instanceof ObjectNode obj) {
      ObjectNode copy = obj.objectNode();
      for (var it = obj.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        copy.set(e.getKey(), json(e.getValue(), where));
      }
      return copy;
    }
    if (node instanceof ArrayNode arr) {
      ArrayNode copy = arr.arrayNode();
      for (JsonNode item : arr) {
        copy.add(json(item, where));
      }
      return copy;
    }
    return node;
  }
}
