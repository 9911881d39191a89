package dev.fetchboard.workspace;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a workspace for mistakes a person can fix, each reported at its field: a missing URL, a
 * non-http scheme, a duplicate panel id, an impossible timeout. Used when a file is read and by the
 * editors as the user types.
 */
public final class WorkspaceValidator {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "cookie", "proxy-authorization", "x-api-key");
  private static final Duration MIN_REFRESH = Duration.ofMillis(500);
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final long MAX_BYTES_LIMIT = 2L * 1024 * 1024 * 1024;
  private static final int MAX_ROWS_LIMIT = 10_000_000;
  private static final int MAX_TITLE = 200;
  // Servers refuse request lines much shorter than this; longer is a paste gone wrong.
  private static final int MAX_URL = 64 * 1024;
  // How much of a bad value a message repeats back.
  private static final int QUOTE_LIMIT = 60;

  private final boolean checkVariables;

  /**
   * @param checkVariables also report {@code ${name}} references the active environment lacks (the
   *     editors do; reading a file does not, since the environment may be chosen later)
   */
  public WorkspaceValidator(boolean checkVariables) {
    this.checkVariables = checkVariables;
  }

  /** Every problem in the workspace, with paths such as {@code panels[2].http.url}. */
  public List<Problem> validate(Workspace ws) {
    var problems = new ArrayList<Problem>();
    if (ws.environment() != null && !ws.environments().containsKey(ws.environment())) {
      problems.add(
          new Problem(
              "environment", "no environment named '" + ws.environment() + "' under environments"));
    }
    ws.connections()
        .forEach(
            (name, c) -> problems.addAll(prefix("connections." + name, validateConnection(c))));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < ws.panels().size(); i++) {
      PanelSpec p = ws.panels().get(i);
      if (p == null) {
        problems.add(new Problem("panels[" + i + "]", "empty panel"));
        continue;
      }
      if (p.id() != null && !ids.add(p.id())) {
        problems.add(
            new Problem(
                "panels[" + i + "].id", "another panel already has the id '" + p.id() + "'"));
      }
      problems.addAll(prefix("panels[" + i + "]", validatePanel(p, ws)));
    }
    problems.addAll(AlertValidator.validate(ws));
    return problems;
  }

  /**
   * Problems of one panel, with paths relative to it ({@code http.url}, {@code refresh}); checks
   * variables against the workspace's active environment and connections against its list.
   */
  public List<Problem> validatePanel(PanelSpec p, Workspace ws) {
    var out = new ArrayList<Problem>();
    if (p.id() == null || p.id().isBlank()) {
      out.add(new Problem("id", "a panel needs an id"));
    } else if (!ID.matcher(p.id()).matches()) {
      out.add(
          new Problem(
              "id",
              quote(p.id())
                  + " is not a valid id (letters, digits, '-', '_' and '.', at most 100)"));
    }
    if (p.title() != null) {
      if (p.title().length() > MAX_TITLE) {
        out.add(new Problem("title", "a title can be at most " + MAX_TITLE + " characters"));
      }
      if (p.title().chars().anyMatch(Character::isISOControl)) {
        out.add(new Problem("title", "a title cannot contain control characters or line breaks"));
      }
    }
    // Two source keys in one panel are refused where the panel is read (PanelSpec.fromYaml).
    switch (p.source()) {
      case null -> out.add(new Problem("", "a panel needs an http: request or a sql: query"));
      case HttpRequestSpec http -> out.addAll(prefix("http", validateHttp(http, ws)));
      case SqlQuerySpec sql -> out.addAll(prefix("sql", validateSql(sql, ws)));
      case RedisCommandSpec redis -> out.addAll(prefix("redis", RedisChecks.validate(redis, ws)));
    }
    if (p.rows() != null && !isHttp(p)) {
      out.add(new Problem("rows", "rows (a JSONPath) applies to HTTP panels only"));
    }
    jsonPath(p.rows(), "rows", out);
    jsonPath(p.value(), "value", out);
    if (p.chart() != null) {
      out.addAll(prefix("chart", validateChart(p.chart())));
    }
    if (p.refresh() != null && p.refresh().compareTo(MIN_REFRESH) < 0) {
      out.add(new Problem("refresh", "refresh must be at least 500ms"));
    }
    for (int i = 0; i < p.checks().size(); i++) {
      out.addAll(prefix("checks[" + i + "]", validateCheck(p.checks().get(i), p)));
    }
    return out;
  }

  /** True for an HTTP panel and for one without a source (already reported as such). */
  private static boolean isHttp(PanelSpec p) {
    return p.source() == null || p.source() instanceof HttpRequestSpec;
  }

  private List<Problem> validateHttp(HttpRequestSpec h, Workspace ws) {
    var out = new ArrayList<Problem>();
    if (!TOKEN.matcher(h.method()).matches()) {
      out.add(new Problem("method", quote(h.method()) + " is not an HTTP method"));
    }
    String urlProblem = urlProblem(h.url());
    if (urlProblem != null) {
      out.add(new Problem("url", urlProblem));
    }
    unknownVariables(h.url(), "url", ws, out);
    h.headers()
        .forEach(
            (name, value) -> {
              if (!TOKEN.matcher(name).matches() && !Variables.hasReference(name)) {
                out.add(
                    new Problem("headers." + name, quote(name) + " is not a valid header name"));
              }
              if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                out.add(
                    new Problem("headers." + name, "a header value cannot contain line breaks"));
              }
              unknownVariables(value, "headers." + name, ws, out);
              if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                  && value != null
                  && !value.isBlank()
                  && !Variables.hasReference(value)) {
                out.add(
                    new Problem(
                        "headers." + name,
                        "write the "
                            + name
                            + " value with a reference such as ${env:API_TOKEN}: a workspace file"
                            + " never holds a secret"));
              }
            });
    h.query().forEach((name, value) -> unknownVariables(value, "query." + name, ws, out));
    if (h.timeout() != null && (h.timeout().isZero() || h.timeout().compareTo(MAX_TIMEOUT) > 0)) {
      out.add(new Problem("timeout", "timeout must be more than 0 and at most 1h"));
    }
    if (h.retries() != null && (h.retries() < 0 || h.retries() > 10)) {
      out.add(new Problem("retries", "retries must be between 0 and 10"));
    }
    if (h.maxBytes() != null && h.maxBytes().bytes() > MAX_BYTES_LIMIT) {
      out.add(new Problem("maxBytes", "maxBytes can be at most 2GB"));
    }
    if (h.body() != null) {
      BodySpec b = h.body();
      int kinds =
          (b.text() != null ? 1 : 0) + (b.json() != null ? 1 : 0) + (b.form() != null ? 1 : 0);
      if (kinds != 1) {
        out.add(new Problem("body", "a body has exactly one of text:, json: or form:"));
      }
    }
    if (h.auth() != null) {
      AuthSpec a = h.auth();
      if ((a.basic() == null) == (a.bearer() == null)) {
        out.add(new Problem("auth", "auth has exactly one of basic: or bearer:"));
      } else if (a.basic() != null && (a.basic().user() == null || a.basic().user().isBlank())) {
        out.add(new Problem("auth.basic.user", "basic auth needs a user"));
      }
      if (a.basic() != null && literalSecret(a.basic().password())) {
        out.add(
            new Problem(
                "auth.basic.password",
                "write the password as a reference such as ${env:API_PASSWORD}: a workspace file"
                    + " never holds a secret"));
      }
      if (literalSecret(a.bearer())) {
        out.add(
            new Problem(
                "auth.bearer",
                "write the token as a reference such as ${env:API_TOKEN}: a workspace file never"
                    + " holds a secret"));
      }
    }
    return out;
  }

  /** A user's value in quotes for a message, cut short and with control characters escaped. */
  static String quote(String value) {
    var sb = new StringBuilder("'");
    value
        .codePoints()
        .limit(QUOTE_LIMIT)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    if (value.codePointCount(0, value.length()) > QUOTE_LIMIT) {
      sb.append('…');
    }
    return sb.append('\'').toString();
  }

  public static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "a URL is required";
    }
    if (url.startsWith("${")) {
      return null;
    }
    if (url.length() > MAX_URL) {
      return "a URL can be at most 64 KB (this one has " + url.length() + " characters)";
    }
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed.replaceAll("\\$\\{[^}]*}", "x"));
    } catch (URISyntaxException e) {
      return "not a valid URL: " + e.getReason() + " at position " + e.getIndex();
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      return "the URL needs a scheme, e.g. http://" + trimmed;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "only http and https URLs are supported, not " + scheme + ":";
    }
    String portProblem = portProblem(uri);
    if (portProblem != null) {
      return portProblem;
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "the URL has no host";
    }
    return null;
  }

  private static final Pattern AUTHORITY_PORT = Pattern.compile(".*:(\\d+)");

  /** Why the port in a URL cannot be connected to, or null (no port, or one from 1 to 65535). */
  static String portProblem(URI uri) {
    String digits = null;
    if (uri.getPort() != -1) {
      digits = String.valueOf(uri.getPort());
    } else if (uri.getHost() == null && uri.getRawAuthority() != null) {
      // A port beyond int's range leaves java.net.URI without a host or a port.
      var m = AUTHORITY_PORT.matcher(uri.getRawAuthority());
      digits = m.matches() ? m.group(1) : null;
    }
    if (digits == null) {
      return null;
    }
    boolean inRange =
        digits.length() <= 5 && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
    return inRange
        ? null
        : "port "
            + (digits.length() > 12 ? digits.substring(0, 12) + "…" : digits)
            + " is out of range (a port is a number from 1 to 65535)";
  }

  private List<Problem> validateSql(SqlQuerySpec s, Workspace ws) {
    var out = new ArrayList<Problem>();
    if (s.connection() == null || s.connection().isBlank()) {
      out.add(new Problem("connection", "choose a connection"));
    } else if (!ws.connections().containsKey(s.connection())) {
      out.add(
          new Problem(
              "connection",
              "no connection named '"
                  + s.connection()
                  + "'"
                  + (ws.connections().isEmpty()
                      ? " (the workspace declares none)"
                      : " (known: " + String.join(", ", ws.connections().keySet()) + ")")));
    } else if (RedisChecks.isRedis(ws.connections().get(s.connection()))) {
      out.add(
          new Problem(
              "connection",
              "'"
                  + s.connection()
                  + "' is a Redis connection; a sql: panel needs a PostgreSQL one"));
    }
    if (s.query() == null || s.query().isBlank()) {
      out.add(new Problem("query", "a query is required"));
    }
    if (s.maxRows() != null && (s.maxRows() < 1 || s.maxRows() > MAX_ROWS_LIMIT)) {
      out.add(new Problem("maxRows", "maxRows must be between 1 and 10,000,000"));
    }
    if (s.timeout() != null && (s.timeout().isZero() || s.timeout().compareTo(MAX_TIMEOUT) > 0)) {
      out.add(new Problem("timeout", "timeout must be more than 0 and at most 1h"));
    }
    return out;
  }

  private List<Problem> validateConnection(ConnectionSpec c) {
    var out = new ArrayList<Problem>();
    if (c == null) {
      out.add(new Problem("", "empty connection"));
      return out;
    }
    if ((c.url() == null || c.url().isBlank()) && (c.host() == null || c.host().isBlank())) {
      // PGHOST or the local default fills the host in, as with psql: nothing to report.
    }
    if (RedisChecks.isRedis(c)) {
      out.addAll(RedisChecks.validateConnection(c));
      return out;
    }
    if (c.url() != null
        && !c.url().isBlank()
        && !c.url().startsWith("postgresql://")
        && !c.url().startsWith("postgres://")
        && !c.url().startsWith("embedded:")
        && !c.url().startsWith("${")) {
      out.add(
          new Problem(
              "url",
              "a connection URL starts with postgresql:// (e.g. postgresql://app@host:5432/db)"
                  + " or redis:// (e.g. redis://127.0.0.1:6379/0)"));
    } else if (c.url() != null
        && (c.url().startsWith("postgresql://") || c.url().startsWith("postgres://"))) {
      try {
        String problem = portProblem(new URI(c.url().strip().replaceAll("\\$\\{[^}]*}", "x")));
        if (problem != null) {
          out.add(new Problem("url", problem));
        }
      } catch (URISyntaxException e) {
        // The connection settings say what is wrong with the rest when it is used.
      }
    }
    if (c.port() != null && (c.port() < 1 || c.port() > 65535)) {
      out.add(new Problem("port", "port must be between 1 and 65535"));
    }
    if (c.sslmode() != null && !SSL_MODES.contains(c.sslmode())) {
      out.add(
          new Problem(
              "sslmode",
              "sslmode must be one of " + String.join(", ", SSL_MODES.stream().sorted().toList())));
    }
    if (c.maxConcurrency() != null && (c.maxConcurrency() < 1 || c.maxConcurrency() > 200)) {
      out.add(new Problem("maxConcurrency", "maxConcurrency must be between 1 and 200"));
    }
    if (c.password() != null && !c.password().isEmpty() && !Variables.hasReference(c.password())) {
      out.add(
          new Problem(
              "password",
              "write the password as a reference such as ${env:DB_PASSWORD}, or leave it out to use"
                  + " PGPASSWORD or ~/.pgpass: a workspace file never holds a secret"));
    }
    return out;
  }

  private List<Problem> validateCheck(Check c, PanelSpec p) {
    var out = new ArrayList<Problem>();
    if (c == null || c.kindsSet() != 1) {
      out.add(
          new Problem(
              "", "a check is one of status:, latencyUnder:, jsonPath:, value: or rowCount:"));
      return out;
    }
    if (c.status() != null) {
      if (!isHttp(p)) {
        out.add(new Problem("status", "status checks apply to HTTP panels only"));
      }
      for (Integer code : c.status()) {
        if (code == null || code < 100 || code > 599) {
          out.add(new Problem("status", "an HTTP status is a number from 100 to 599"));
        }
      }
    }
    if (c.jsonPath() != null) {
      if (c.jsonPath().path() == null || c.jsonPath().path().isBlank()) {
        out.add(new Problem("jsonPath.path", "a jsonPath check needs a path, e.g. $.status"));
      } else {
        jsonPath(c.jsonPath().path(), "jsonPath.path", out);
      }
      if (c.jsonPath().isEmpty()) {
        out.add(new Problem("jsonPath", "say what must hold: exists, equals, greaterThan, …"));
      }
    }
    for (var entry : new Object[][] {{"value", c.value()}, {"rowCount", c.rowCount()}}) {
      if (entry[1] instanceof Comparison cmp) {
        if (cmp.isEmpty()) {
          out.add(
              new Problem(
                  (String) entry[0], "say what must hold: equals, greaterThan, atLeast, …"));
        }
        if (cmp.path() != null) {
          out.add(new Problem(entry[0] + ".path", "path belongs to jsonPath checks only"));
        }
      }
    }
    return out;
  }

  private static List<Problem> validateChart(ChartSpec c) {
    var out = new ArrayList<Problem>();
    chartColumn(c.x(), "x", "the column along the bottom (labels, times or numbers)", out);
    chartColumn(c.y(), "y", "the column of numbers to plot", out);
    return out;
  }

  private static void chartColumn(String name, String field, String what, List<Problem> out) {
    if (name == null || name.isBlank()) {
      out.add(new Problem(field, "name " + what));
    } else if (name.length() > MAX_TITLE) {
      out.add(new Problem(field, "a column name can be at most " + MAX_TITLE + " characters"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      out.add(new Problem(field, quote(name) + " cannot be a column name (control characters)"));
    }
  }

  private static boolean literalSecret(String value) {
    return value != null && !value.isEmpty() && !Variables.hasReference(value);
  }

  private static void jsonPath(String path, String field, List<Problem> out) {
    if (path == null) {
      return;
    }
    try {
      JsonPath.compile(path);
    } catch (InvalidPathException | IllegalArgumentException e) {
      out.add(new Problem(field, "not a valid JSONPath: " + e.getMessage()));
    }
  }

  private void unknownVariables(String text, String field, Workspace ws, List<Problem> out) {
    if (!checkVariables) {
      return;
    }
    for (String name : Variables.referencedNames(text)) {
      if (!ws.activeVariables().containsKey(name)) {
        out.add(
            new Problem(
                field,
                "unknown variable ${"
                    + name
                    + "}"
                    + (ws.environment() == null
                        ? " (no environment is active)"
                        : " in environment '" + ws.environment() + "'")));
      }
    }
  }

  private static List<Problem> prefix(String prefix, List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                new Problem(
                    p.where().isEmpty()
                        ? prefix
                        : p.where().startsWith("[") ? prefix + p.where() : prefix + "." + p.where(),
                    p.message(),
                    p.line(),
                    p.column()))
        .toList();
  }
}
