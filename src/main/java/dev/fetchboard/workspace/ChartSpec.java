package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a panel's rows are plotted: column {@code y} (numbers) over column {@code x} (labels, times
 * or numbers), as a line or as bars.
 */
@JsonPropertyOrder({"x", "y", "type"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChartSpec(String x, String y, Type type) {

  /** Line or bar. */
  public enum Type {
    LINE,
    BAR;

    @JsonValue
    public String key() {
      return EnumKeys.key(this);
    }

    @JsonCreator
    public static Type of(String text) {
      return EnumKeys.parse(Type.class, text, "chart type");
    }
  }
}
