package dev.fetchboard.engine;

/** A cell holding JSON (a nested array, a json/jsonb column), kept as compact text. */
public record JsonText(String json) {
  @Override
  public String toString() {
    return json;
  }
}
