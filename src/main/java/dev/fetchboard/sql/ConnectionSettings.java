package dev.fetchboard.sql;

import dev.fetchboard.workspace.ConnectionSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything needed to open a PostgreSQL connection, filled in the way psql does: the connection's
 * fields, then its libpq URI, then PGHOST, PGPORT, PGDATABASE, PGUSER, then defaults; the password
 * from the connection (a resolved reference), PGPASSWORD, or ~/.pgpass.
 */
record ConnectionSettings(
    String host,
    int port,
    String database,
    String user,
    String password,
    String sslmode,
    String sslrootcert,
    String applicationName,
    int maxConcurrency) {

  /** Settings from a connection whose variables are already resolved. */
  static ConnectionSettings of(ConnectionSpec spec, Map<String, String> env, Path pgpass) {
    Map<String, String> uri =
        spec.url() == null || spec.url().isBlank() ? Map.of() : parseUri(spec.url());
    String host = first(spec.host(), uri.get("host"), env.get("PGHOST"), "localhost");
    String portText =
        first(
            spec.port() == null ? null : spec.port().toString(),
            uri.get("port"),
            env.get("PGPORT"),
            "5432");
    int port;
    try {
      port = Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port '" + portText + "' is not a number");
    }
    String user =
        first(spec.user(), uri.get("user"), env.get("PGUSER"), System.getProperty("user.name"));
    String database = first(spec.database(), uri.get("dbname"), env.get("PGDATABASE"), user);
    String password = first(spec.password(), uri.get("password"), env.get("PGPASSWORD"), null);
    if (password == null) {
      password = PgPass.lookup(pgpass, host, port, database, user);
    }
    return new ConnectionSettings(
        host,
        port,
        database,
        user,
        password,
        first(spec.sslmode(), uri.get("sslmode"), env.get("PGSSLMODE"), "prefer"),
        first(spec.sslrootcert(), uri.get("sslrootcert"), env.get("PGSSLROOTCERT"), null),
        first(spec.applicationName(), uri.get("application_name"), null, "Fetchboard"),
        spec.maxConcurrencyOrDefault());
  }

  /** Parses {@code postgresql://user:password@host:port/dbname?param=value}. */
  static Map<String, String> parseUri(String url) {
    String text = url.strip();
    if (text.startsWith("postgres://")) {
      text = "postgresql://" + text.substring("postgres://".length());
    }
    if (!text.startsWith("postgresql://")) {
      throw new IllegalArgumentException("a connection URL starts with postgresql://");
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid connection URL: " + e.getMessage());
    }
    var out = new HashMap<String, String>();
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      out.put("user", decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) {
        out.put("password", decode(info.substring(colon + 1)));
      }
    }
    if (uri.getHost() != null) {
      out.put("host", uri.getHost());
    }
    if (uri.getPort() > 0) {
      out.put("port", Integer.toString(uri.getPort()));
    }
    String path = uri.getRawPath();
    if (path != null && path.length() > 1) {
      out.put("dbname", decode(path.substring(1)));
    }
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + database;
  }

  Properties properties() {
    var p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("sslmode", sslmode.toLowerCase(Locale.ROOT));
    if (sslrootcert != null) {
      p.setProperty("sslrootcert", sslrootcert);
    }
    // Strings bind as untyped, so `where id = :id` works with a text parameter, as in psql.
    p.setProperty("stringtype", "unspecified");
    p.setProperty("connectTimeout", "10");
    p.setProperty("loginTimeout", "10");
    p.setProperty("tcpKeepAlive", "true");
    return p;
  }

  /** user@host:port/database, for messages (never the password). */
  String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  /** Identity of a pool: changes when anything that affects the connection changes. */
  String poolKey() {
    return describe()
        + "|"
        + sslmode
        + "|"
        + sslrootcert
        + "|"
        + applicationName
        + "|"
        + maxConcurrency
        + "|"
        + (password == null ? 0 : password.hashCode());
  }

  private static String first(String a, String b, String c, String fallback) {
    for (String s : new String[] {a, b, c}) {
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return fallback;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
