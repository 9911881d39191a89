package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SQL query on a named connection. {@code :name} placeholders in the text are bound from {@code
 * params} as typed JDBC parameters, never spliced into the text.
 *
 * @param maxRows rows kept per result; null means the default
 * @param timeout statement timeout; null means the default
 * @param allowWrites run outside a read-only transaction (null means no)
 */
@JsonPropertyOrder({"connection", "query", "params", "maxRows", "timeout", "allowWrites"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SqlQuerySpec(
    String connection,
    String query,
    Map<String, Object> params,
    Integer maxRows,
    Duration timeout,
    Boolean allowWrites)
    implements SourceSpec {

  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public SqlQuerySpec {
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static SqlQuerySpec of(String connection, String query) {
    return new SqlQuerySpec(connection, query, null, null, null, null);
  }

  @JsonIgnore
  public int maxRowsOrDefault() {
    return maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
  }

  @JsonIgnore
  public Duration timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  @JsonIgnore
  public boolean writesAllowed() {
    return allowWrites != null && allowWrites;
  }

  public SqlQuerySpec withConnection(String c) {
    return new SqlQuerySpec(c, query, params, maxRows, timeout, allowWrites);
  }

  public SqlQuerySpec withQuery(String q) {
    return new SqlQuerySpec(connection, q, params, maxRows, timeout, allowWrites);
  }

  public SqlQuerySpec withParams(Map<String, Object> p) {
    return new SqlQuerySpec(connection, query, p, maxRows, timeout, allowWrites);
  }

  public SqlQuerySpec withMaxRows(Integer m) {
    return new SqlQuerySpec(connection, query, params, m, timeout, allowWrites);
  }

  public SqlQuerySpec withTimeout(Duration t) {
    return new SqlQuerySpec(connection, query, params, maxRows, t, allowWrites);
  }

  public SqlQuerySpec withAllowWrites(Boolean a) {
    return new SqlQuerySpec(connection, query, params, maxRows, timeout, a);
  }
}
