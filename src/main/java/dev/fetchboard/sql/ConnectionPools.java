package dev.fetchboard.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HikariCP pool per connection; its size is the connection's concurrency limit, and a run
 * waiting for a free connection stays queued. A pool is replaced (and the old one closed) when the
 * connection's settings change.
 */
final class ConnectionPools implements AutoCloseable {
  /**
   * How long one borrow attempt waits. Short, so that a server that went away is reported within a
   * second instead of leaving the panel "running"; a busy pool is simply asked again.
   */
  private static final long ATTEMPT_MS = 1_000L;

  private final Map<String, HikariDataSource> byKey = new ConcurrentHashMap<>();
  private final Map<String, String> keyByName = new ConcurrentHashMap<>();

  /**
   * A pooled connection (close it to give it back). Waits while the pool is busy (the run stays
   * queued, until it is cancelled); fails at once when the pool cannot open connections, with the
   * cause (e.g. connection refused) for the message.
   */
  Connection borrow(String name, ConnectionSettings settings) throws SQLException {
    HikariDataSource pool = pool(name, settings);
    while (true) {
      try {
        return pool.getConnection();
      } catch (SQLTransientConnectionException e) {
        // Hikari attaches the last failure to open a connection; none means every slot is in use.
        if (e.getCause() != null || Thread.currentThread().isInterrupted()) {
          throw e;
        }
      }
    }
  }

  /**
   * Takes a borrowed connection out of its pool for good (its session could not be reset); the pool
   * opens a fresh one when needed.
   */
  void evict(ConnectionSettings settings, Connection conn) {
    HikariDataSource pool = byKey.get(settings.poolKey());
    if (pool != null) {
      pool.evictConnection(conn);
    }
  }

  /**
   * Opens one connection outside any pool, e.g. to test settings or to fail fast on a bad password.
   */
  static Connection direct(ConnectionSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
  }

  private HikariDataSource pool(String name, ConnectionSettings settings) throws SQLException {
    String key = settings.poolKey();
    HikariDataSource existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      existing = byKey.get(key);
      if (existing != null) {
        return existing;
      }
      // A direct connection first: a wrong password or an unknown database fails at once with the
      // server's own message, instead of after the pool's acquisition timeout.
      try (Connection probe = direct(settings)) {
        probe.isValid(1);
      }
      var config = new HikariConfig();
      config.setJdbcUrl(settings.jdbcUrl());
      config.setDataSourceProperties(settings.properties());
      config.setMaximumPoolSize(settings.maxConcurrency());
      config.setMinimumIdle(0);
      config.setIdleTimeout(120_000);
      config.setConnectionTimeout(ATTEMPT_MS);
      config.setInitializationFailTimeout(-1);
      config.setPoolName("fetchboard " + name);
      var pool = new HikariDataSource(config);
      byKey.put(key, pool);
      String previous = keyByName.put(name, key);
      if (previous != null && !previous.equals(key)) {
        HikariDataSource old = byKey.remove(previous);
        if (old != null) {
          old.close();
        }
      }
      return pool;
    }
  }

  /** Closes every pool (workspace closed). */
  @Override
  public synchronized void close() {
    byKey.values().forEach(HikariDataSource::close);
    byKey.clear();
    keyByName.clear();
  }
}
