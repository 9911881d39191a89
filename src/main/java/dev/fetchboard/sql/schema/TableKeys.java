package dev.fetchboard.sql.schema;

import java.util.List;

/**
 * The keys and indexes of one table, read when asked for (one table at a time, so a schema of
 * thousands of tables opens without them).
 *
 * @param primaryKey the primary key's columns, empty when there is none
 * @param foreignKeys each as "(columns) → table(columns)"
 * @param indexes each as "name (columns)"
 */
public record TableKeys(List<String> primaryKey, List<String> foreignKeys, List<String> indexes) {
  public TableKeys {
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = List.copyOf(indexes);
  }
}
