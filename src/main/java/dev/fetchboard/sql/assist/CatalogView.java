package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.schema.SchemaCatalog;
import dev.fetchboard.sql.schema.TableInfo;
import java.util.List;

/**
 * What completion and checks may know of a database at this moment, without waiting: what is not
 * loaded yet is simply absent ({@link #tables} returns null).
 */
public interface CatalogView {
  /** Knows nothing (no connection, or not loaded yet): keywords and parameters only. */
  CatalogView EMPTY =
      new CatalogView() {
        @Override
        public String currentSchema() {
          return "public";
        }

        @Override
        public List<String> schemas() {
          return List.of();
        }

        @Override
        public List<TableInfo> tables(String schema) {
          return null;
        }
      };

  /** The schema unqualified names resolve to. */
  String currentSchema();

  /** The schemas, empty until loaded. */
  List<String> schemas();

  /** The tables of {@code schema}, or null while they are not loaded. */
  List<TableInfo> tables(String schema);

  /** A view of what {@code catalog} has loaded so far (never blocks, never loads). */
  static CatalogView of(SchemaCatalog catalog) {
    return new CatalogView() {
      @Override
      public String currentSchema() {
        SchemaCatalog.Schemas s = catalog.loadedSchemas();
        return s == null ? "public" : s.current();
      }

      @Override
      public List<String> schemas() {
        SchemaCatalog.Schemas s = catalog.loadedSchemas();
        return s == null ? List.of() : s.names();
      }

      @Override
      public List<TableInfo> tables(String schema) {
        SchemaCatalog.SchemaTables t = catalog.loadedTables(schema);
        return t == null ? null : t.tables();
      }
    };
  }

  /** The table {@code name} of {@code schema}, or null when unknown or not loaded. */
  default TableInfo table(String schema, String name) {
    List<TableInfo> tables = tables(schema);
    if (tables != null) {
      for (TableInfo t : tables) {
        if (t.name().equals(name)) {
          return t;
        }
      }
    }
    return null;
  }
}
