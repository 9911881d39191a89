package dev.fetchboard.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a source produced for one run, before the engine adds timing and checks. HTTP fills status,
 * headers and body; SQL fills table or affected rows. {@code document} is the parsed JSON body (for
 * JSONPath checks) and is not kept in the result.
 */
public record SourceOutput(
    Integer status,
    Map<String, List<String>> headers,
    String contentType,
    Duration timeToFirstByte,
    long bytes,
    String body,
    ResultTable table,
    Object value,
    Long affectedRows,
    Object document,
    String notice) {

  public static SourceOutput ofTable(ResultTable table, Object value) {
    return new SourceOutput(null, Map.of(), null, null, 0, null, table, value, null, null, null);
  }
}
