package dev.fetchboard.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the workspace validator checks in a {@code redis:} panel and a Redis connection. */
final class RedisChecks {
  private static final int MAX_ROWS_LIMIT = 10_000_000;
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final int MAX_WORDS = 1_000;

  private RedisChecks() {}

  /** True for a connection whose URL is redis:// or rediss://. */
  static boolean isRedis(ConnectionSpec c) {
    if (c == null || c.url() == null) {
      return false;
    }
    String u = c.url().strip().toLowerCase(Locale.ROOT);
    return u.startsWith("redis://") || u.startsWith("rediss://");
  }

  static List<Problem> validate(RedisCommandSpec r, Workspace ws) {
    var out = new ArrayList<Problem>();
    if (r.connection() == null || r.connection().isBlank()) {
      out.add(new Problem("connection", "choose a connection"));
    } else if (!ws.connections().containsKey(r.connection())) {
      out.add(
          new Problem(
              "connection",
              "no connection named '"
                  + r.connection()
                  + "'"
                  + (ws.connections().isEmpty()
                      ? " (the workspace declares none)"
                      : " (known: " + String.join(", ", ws.connections().keySet()) + ")")));
    } else if (!isRedis(ws.connections().get(r.connection()))
        && !String.valueOf(ws.connections().get(r.connection()).url()).startsWith("${")) {
      out.add(
          new Problem(
              "connection",
              "'"
                  + r.connection()
                  + "' is not a Redis connection; a redis: panel needs one whose url starts with"
                  + " redis:// or rediss://"));
    }
    if (r.command().isEmpty()
        || r.command().getFirst() == null
        || r.command().getFirst().isBlank()) {
      out.add(new Problem("command", "a command is required, e.g. [LLEN, jobs]"));
    } else if (r.command().size() > MAX_WORDS) {
      out.add(new Problem("command", "a command can have at most 1,000 words"));
    } else if (r.command().stream().anyMatch(w -> w == null)) {
      out.add(new Problem("command", "a command's words cannot be empty (null)"));
    }
    if (r.maxRows() != null && (r.maxRows() < 1 || r.maxRows() > MAX_ROWS_LIMIT)) {
      out.add(new Problem("maxRows", "maxRows must be between 1 and 10,000,000"));
    }
    if (r.timeout() != null && (r.timeout().isZero() || r.timeout().compareTo(MAX_TIMEOUT) > 0)) {
      out.add(new Problem("timeout", "timeout must be more than 0 and at most 1h"));
    }
    return out;
  }

  /** A Redis connection: a URL with a host, a port in range and a number for the database. */
  static List<Problem> validateConnection(ConnectionSpec c) {
    var out = new ArrayList<Problem>();
    String url = c.url().strip();
    if (url.contains("${")) {
      return out; // checked once the variables are in, when it is used
    }
    try {
      URI uri = new URI(url);
      if ((uri.getHost() == null || uri.getHost().isBlank()) && c.host() == null) {
        out.add(new Problem("url", "no host name (e.g. redis://127.0.0.1:6379/0)"));
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        out.add(new Problem("url", "port " + uri.getPort() + " is out of range (1 to 65535)"));
      }
      String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      if (!path.isEmpty() && !path.matches("\\d{1,5}")) {
        out.add(
            new Problem(
                "url",
                "the database is a number after the port, e.g. redis://host:6379/0 (was '"
                    + path
                    + "')"));
      }
      if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
        out.add(
            new Problem(
                "url",
                "the URL holds a password; write password: ${env:REDIS_PASSWORD} instead, so the"
                    + " file never holds the secret"));
      }
    } catch (URISyntaxException e) {
      out.add(new Problem("url", "not a valid URL (" + e.getReason() + ")"));
    }
    if (c.port() != null && (c.port() < 1 || c.port() > 65535)) {
      out.add(new Problem("port", "port must be between 1 and 65535"));
    }
    if (c.password() != null && !c.password().isEmpty() && !Variables.hasReference(c.password())) {
      out.add(
          new Problem(
              "password",
              "write the password as a reference such as ${env:REDIS_PASSWORD}: a workspace file"
                  + " never holds the secret itself"));
    }
    return out;
  }
}
