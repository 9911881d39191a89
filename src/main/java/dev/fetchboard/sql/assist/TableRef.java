package dev.fetchboard.sql.assist;

/**
 * A relation named in a FROM or JOIN (or a CTE's name): {@code schema} may be null, {@code alias}
 * is the name the statement uses for it, {@code start} where its name is written; {@code derived}
 * for a subquery, function or CTE whose columns are not known from the catalog.
 */
record TableRef(String schema, String table, String alias, int start, int end, boolean derived) {
  /** The name the rest of the statement uses for this relation. */
  String visibleName() {
    return alias != null ? alias : table;
  }
}
