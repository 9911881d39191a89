package dev.fetchboard.engine;

/** The count of rows a write statement changed; its value view shows that count. */
public record RowsChanged(long affectedRows) implements RunPayload {

  @Override
  public Object value() {
    return affectedRows;
  }
}
