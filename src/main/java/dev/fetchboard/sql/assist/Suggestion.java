package dev.fetchboard.sql.assist;

/**
 * One completion: {@code insert} is what replaces the typed prefix (quoted when it must be), {@code
 * label} what the list shows, {@code detail} e.g. a column's type.
 */
public record Suggestion(String insert, String label, Kind kind, String detail) {
  /** What a suggestion is, in the order they are offered when equally good. */
  public enum Kind {
    PARAMETER,
    COLUMN,
    TABLE,
    VIEW,
    ALIAS,
    SCHEMA,
    KEYWORD
  }
}
