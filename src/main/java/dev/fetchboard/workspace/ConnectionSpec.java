package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A named PostgreSQL connection: a libpq-style {@code url} and/or separate fields (fields win over
 * the URL). {@code password} is only ever a reference such as {@code ${env:SHOP_DB_PASSWORD}}; when
 * absent the password comes from PGPASSWORD or ~/.pgpass, as with psql.
 */
@JsonPropertyOrder({
  "url",
  "host",
  "port",
  "database",
  "user",
  "password",
  "sslmode",
  "sslrootcert",
  "applicationName",
  "maxConcurrency"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionSpec(
    String url,
    String host,
    Integer port,
    String database,
    String user,
    String password,
    String sslmode,
    String sslrootcert,
    String applicationName,
    Integer maxConcurrency) {

  /** Default pool size, i.e. how many queries may run at once on one connection. */
  public static final int DEFAULT_MAX_CONCURRENCY = 8;

  public static ConnectionSpec ofUrl(String url) {
    return new ConnectionSpec(url, null, null, null, null, null, null, null, null, null);
  }

  public int maxConcurrencyOrDefault() {
    return maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
  }
}
