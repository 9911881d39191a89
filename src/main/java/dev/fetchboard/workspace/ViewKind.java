package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a panel shows its result. */
public enum ViewKind {
  TABLE,
  VALUE,
  RAW,
  CHART;

  @JsonValue
  public String key() {
    return EnumKeys.key(this);
  }

  @JsonCreator
  public static ViewKind of(String text) {
    return EnumKeys.parse(ViewKind.class, text, "view");
  }
}
