package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a panel shows its result. */
public enum ViewKind {
  TABLE,
  VALUE,
  RAW,
  CHART;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ViewKind of(String text) {
    return Arrays.stream(values())
        .filter(v -> v.key().equalsIgnoreCase(text.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown view '" + text + "' (expected table, value, raw or chart)"));
  }
}
