package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checked value must satisfy; every field that is set must hold. {@code path} is the
 * JSONPath of the value for {@code jsonPath} checks and absent otherwise.
 */
@JsonPropertyOrder({
  "path",
  "exists",
  "equals",
  "notEquals",
  "greaterThan",
  "atLeast",
  "lessThan",
  "atMost"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(
    String path,
    Boolean exists,
    JsonNode equals,
    JsonNode notEquals,
    BigDecimal greaterThan,
    BigDecimal atLeast,
    BigDecimal lessThan,
    BigDecimal atMost) {

  public static Comparison exists(String path) {
    return new Comparison(path, true, null, null, null, null, null, null);
  }

  public static Comparison equalTo(String path, JsonNode expected) {
    return new Comparison(path, null, expected, null, null, null, null, null);
  }

  public static Comparison greaterThan(String path, BigDecimal bound) {
    return new Comparison(path, null, null, null, bound, null, null, null);
  }

  public static Comparison atLeast(String path, BigDecimal bound) {
    return new Comparison(path, null, null, null, null, bound, null, null);
  }

  public static Comparison lessThan(String path, BigDecimal bound) {
    return new Comparison(path, null, null, null, null, null, bound, null);
  }

  /** True when no condition is set (a validation error). */
  @JsonIgnore
  public boolean isEmpty() {
    return exists == null
        && equals == null
        && notEquals == null
        && greaterThan == null
        && atLeast == null
        && lessThan == null
        && atMost == null;
  }

  /** E.g. "= ok", "> 0 and ≤ 10", "exists". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (exists != null) {
      parts.add(exists ? "exists" : "does not exist");
    }
    if (equals != null) {
      parts.add("= " + text(equals));
    }
    if (notEquals != null) {
      parts.add("≠ " + text(notEquals));
    }
    if (greaterThan != null) {
      parts.add("> " + DecimalText.of(greaterThan));
    }
    if (atLeast != null) {
      parts.add("≥ " + DecimalText.of(atLeast));
    }
    if (lessThan != null) {
      parts.add("< " + DecimalText.of(lessThan));
    }
    if (atMost != null) {
      parts.add("≤ " + DecimalText.of(atMost));
    }
    return String.join(" and ", parts);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }
}
