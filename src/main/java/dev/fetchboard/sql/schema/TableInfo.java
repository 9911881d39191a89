package dev.fetchboard.sql.schema;

import java.util.List;

/** A table or view of a schema, with its columns in their order. */
public record TableInfo(String schema, String name, Kind kind, List<ColumnInfo> columns) {
  /** What a relation is. */
  public enum Kind {
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    OTHER
  }

  public TableInfo {
    columns = List.copyOf(columns);
  }

  /** The column named {@code column} (exactly, as stored), or null. */
  public ColumnInfo column(String column) {
    for (ColumnInfo c : columns) {
      if (c.name().equals(column)) {
        return c;
      }
    }
    return null;
  }
}
