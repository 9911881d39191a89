package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;

/**
 * A Redis command on a named connection, its words as redis-cli takes them ({@code [LLEN, jobs]}).
 * Read-only unless {@code allowWrites}: only what the server flags read-only runs (see docs).
 *
 * @param maxRows rows kept from a list, hash, scan…; null means the default
 * @param timeout how long the command may take; null means the default
 * @param allowWrites lets commands run that may change data (null means no)
 */
@JsonPropertyOrder({"connection", "command", "maxRows", "timeout", "allowWrites"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RedisCommandSpec(
    String connection, List<String> command, Integer maxRows, Duration timeout, Boolean allowWrites)
    implements SourceSpec {

  public static final int DEFAULT_MAX_ROWS = 10_000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public RedisCommandSpec {
    command = command == null ? List.of() : List.copyOf(command);
  }

  public static RedisCommandSpec of(String connection, String... command) {
    return new RedisCommandSpec(connection, List.of(command), null, null, null);
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

  public RedisCommandSpec withConnection(String c) {
    return new RedisCommandSpec(c, command, maxRows, timeout, allowWrites);
  }

  public RedisCommandSpec withCommand(List<String> words) {
    return new RedisCommandSpec(connection, words, maxRows, timeout, allowWrites);
  }

  public RedisCommandSpec withMaxRows(Integer m) {
    return new RedisCommandSpec(connection, command, m, timeout, allowWrites);
  }

  public RedisCommandSpec withTimeout(Duration t) {
    return new RedisCommandSpec(connection, command, maxRows, t, allowWrites);
  }

  public RedisCommandSpec withAllowWrites(Boolean a) {
    return new RedisCommandSpec(connection, command, maxRows, timeout, a);
  }
}
