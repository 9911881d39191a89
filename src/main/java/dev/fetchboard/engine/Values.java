package dev.fetchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Conversions of cell values (Long, BigDecimal, Boolean, String, JsonNode…) for checks and output.
 */
public final class Values {
  // Since Jackson 2.15 the factory keeps BigDecimals exact; trimming zeros is the reader's option.
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Values() {}

  /** The value as a JSON node: numbers stay numbers (exact), other values become text. */
  public static JsonNode toJson(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case JsonNode n -> n;
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Short s -> NODES.numberNode(s);
      case Double d -> NODES.numberNode(d);
      case Float f -> NODES.numberNode(f);
      case BigDecimal b -> NODES.numberNode(b);
      case BigInteger b -> NODES.numberNode(b);
      case Boolean b -> NODES.booleanNode(b);
      default -> NODES.textNode(String.valueOf(value));
    };
  }

  /** The value as people read it in a cell: NULL shown by callers, numbers exact, JSON compact. */
  public static String display(Object value) {
    return switch (value) {
      case null -> "";
      case BigDecimal b -> decimal(b);
      case JsonNode n -> n.isTextual() ? n.asText() : n.toString();
      default -> String.valueOf(value);
    };
  }

  /**
   * A decimal as people read it: plain ({@code 1000}, {@code 0.005}) unless that would add more
   * than a few zeros to its digits, then scientific ({@code 1E+999999999}). The text is never much
   * longer than the number's own digits.
   */
  public static String decimal(BigDecimal b) {
    return dev.fetchboard.workspace.DecimalText.of(b);
  }

  /** The value as a number to plot, or null when it is empty, not a number, or not finite. */
  public static Double number(Object value) {
    double d;
    switch (value) {
      case null -> {
        return null;
      }
      case Number n -> d = n.doubleValue();
      case JsonNode j when j.isNumber() -> d = j.doubleValue();
      case String s -> {
        try {
          d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    return Double.isFinite(d) ? d : null;
  }
}
