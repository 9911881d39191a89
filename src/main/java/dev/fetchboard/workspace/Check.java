package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One check on a panel's result. Written in YAML as a one-key map, so exactly one field is set:
 *
 * <pre>
 * - status: [200, 204]                      # the HTTP status is one of these
 * - latencyUnder: 500ms                     # the whole run took less than this
 * - jsonPath: { path: $.ok, equals: true }  # a value in the JSON body (exists / compares)
 * - value: { greaterThan: 0 }               # the panel's single value
 * - rowCount: { atLeast: 1 }                # the number of result rows
 * </pre>
 */
@JsonPropertyOrder({"status", "latencyUnder", "jsonPath", "value", "rowCount"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(
    @JsonFormat(
            with = {
              JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
              JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
            })
        List<Integer> status,
    Duration latencyUnder,
    Comparison jsonPath,
    Comparison value,
    Comparison rowCount) {

  public static Check status(Integer... codes) {
    return new Check(List.of(codes), null, null, null, null);
  }

  public static Check latencyUnder(Duration limit) {
    return new Check(null, limit, null, null, null);
  }

  public static Check jsonPath(Comparison comparison) {
    return new Check(null, null, comparison, null, null);
  }

  public static Check value(Comparison comparison) {
    return new Check(null, null, null, comparison, null);
  }

  public static Check rowCount(Comparison comparison) {
    return new Check(null, null, null, null, comparison);
  }

  /** How many of the one-of fields are set; a valid check has exactly one. */
  @JsonIgnore
  public int kindsSet() {
    int n = 0;
    for (Object o : new Object[] {status, latencyUnder, jsonPath, value, rowCount}) {
      if (o != null) {
        n++;
      }
    }
    return n;
  }

  /** A short description for result lists, e.g. "status is 200" or "rowCount ≥ 1". */
  public String describe() {
    if (status != null) {
      return "status is "
          + status.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }
    if (latencyUnder != null) {
      return "latency under " + Durations.format(latencyUnder);
    }
    if (jsonPath != null) {
      return jsonPath.path() + " " + jsonPath.describe();
    }
    if (value != null) {
      return "value " + value.describe();
    }
    if (rowCount != null) {
      return "row count " + rowCount.describe();
    }
    return "(empty check)";
  }
}
