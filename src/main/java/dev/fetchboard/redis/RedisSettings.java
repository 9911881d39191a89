package dev.fetchboard.redis;

import dev.fetchboard.workspace.ConnectionSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and as whom to reach one Redis server: from a connection's {@code redis://} or {@code
 * rediss://} (TLS) URL, {@code redis://user@host:port/db}, with the password and user fields
 * winning over the URL's, and {@code sslrootcert} naming the CA a TLS server's certificate must be
 * signed by (else the system's). Never printed with its password.
 */
public record RedisSettings(
    String host,
    int port,
    int database,
    String user,
    String password,
    boolean tls,
    String caFile,
    Duration connectTimeout) {

  public static final int DEFAULT_PORT = 6379;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** True when {@code url} names a Redis server rather than a PostgreSQL one. */
  public static boolean isRedisUrl(String url) {
    if (url == null) {
      return false;
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("redis://") || u.startsWith("rediss://");
  }

  /**
   * Settings from a connection whose variables are resolved.
   *
   * @throws IllegalArgumentException with a message saying what in the URL is wrong
   */
  public static RedisSettings of(ConnectionSpec spec) {
    String url = spec.url() == null ? "" : spec.url().strip();
    if (!isRedisUrl(url)) {
      throw new IllegalArgumentException(
          "url: a Redis connection's url starts with redis:// or rediss:// (TLS)");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "url: not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
    }
    String host = spec.host() != null ? spec.host() : uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("url: no host name (e.g. redis://127.0.0.1:6379/0)");
    }
    int port = spec.port() != null ? spec.port() : uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("url: port " + port + " is outside 1-65535");
    }
    int db = database(spec.database() != null ? spec.database() : uri.getPath());
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
      if (user.isEmpty()) {
        user = null; // redis://:password@host, as redis-cli reads it
      }
    }
    if (spec.user() != null && !spec.user().isBlank()) {
      user = spec.user();
    }
    if (spec.password() != null && !spec.password().isEmpty()) {
      password = spec.password();
    }
    boolean tls = url.toLowerCase(Locale.ROOT).startsWith("rediss://");
    return new RedisSettings(
        host, port, db, user, password, tls, spec.sslrootcert(), DEFAULT_CONNECT_TIMEOUT);
  }

  private static int database(String path) {
    String p = path == null ? "" : path.strip();
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty()) {
      return 0;
    }
    try {
      int db = Integer.parseInt(p);
      if (db >= 0) {
        return db;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        "url: the database is a number after the port, e.g. redis://host:6379/0 (was '" + p + "')");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The server as a user would name it, without the password: rediss://alice@host:6380/0. */
  public String describe() {
    return (tls ? "rediss://" : "redis://")
        + (user == null ? "" : user + "@")
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + database;
  }

  @Override
  public String toString() {
    return describe();
  }
}
