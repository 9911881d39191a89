package dev.fetchboard.sql.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * What one database holds, read on a connection of its own: the list of schemas first (jOOQ's meta
 * API; cheap, never the tables), each schema's tables, views and columns when that schema is asked
 * for (one catalog query), and a table's keys and indexes (jOOQ's meta API) only for that table.
 * Every read runs under a statement timeout; what was read is kept until {@link #refresh()}.
 * Blocking and thread-safe: call it off the FX thread.
 */
public final class SchemaCatalog {
  /** How long one read of the catalog may run on the server. */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(15);

  /** Tables kept per schema at most; a larger schema is cut there (and says so). */
  public static final int MAX_TABLES = 20_000;

  /** Opens a read-only connection for the catalog (closed after each read). */
  @FunctionalInterface
  public interface Opener {
    Connection open() throws Exception;
  }

  private final Opener opener;
  private final Map<String, SchemaTables> tables = new ConcurrentHashMap<>();
  private final Map<String, Object> schemaLocks = new ConcurrentHashMap<>();
  private volatile Schemas schemas;

  /** The schemas of a database, and the one unqualified names resolve to first. */
  public record Schemas(List<String> names, String current) {}

  /** The tables of one schema; {@code truncated} when there were more than {@link #MAX_TABLES}. */
  public record SchemaTables(String schema, List<TableInfo> tables, boolean truncated) {
    public SchemaTables {
      tables = List.copyOf(tables);
    }

    /** The table or view named exactly {@code name}, or null. */
    public TableInfo table(String name) {
      for (TableInfo t : tables) {
        if (t.name().equals(name)) {
          return t;
        }
      }
      return null;
    }
  }

  public SchemaCatalog(Opener opener) {
    this.opener = opener;
  }

  /** A read-only connection to this catalog's database, for a tool's own statement. */
  public Connection connect() throws CatalogException {
    try {
      return opener.open();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("cancelled", e);
    } catch (Exception e) {
      throw new CatalogException(String.valueOf(e.getMessage()), e);
    }
  }

  /** The schemas (system ones last), read once; the tables are not read. */
  public Schemas schemas() throws CatalogException {
    Schemas known = schemas;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (schemas == null) {
        schemas = read("the list of schemas", c -> readSchemas(DSL.using(c, SQLDialect.POSTGRES)));
      }
      return schemas;
    }
  }

  /** The schemas if they have been read, else null (never blocks). */
  public Schemas loadedSchemas() {
    return schemas;
  }

  /** The tables, views and columns of {@code schema}, read the first time it is asked for. */
  public SchemaTables tables(String schema) throws CatalogException {
    SchemaTables known = tables.get(schema);
    if (known != null) {
      return known;
    }
    synchronized (schemaLocks.computeIfAbsent(schema, k -> new Object())) {
      known = tables.get(schema);
      if (known == null) {
        known = read("schema " + schema, c -> readTables(c, schema));
        tables.put(schema, known);
      }
      return known;
    }
  }

  /** The tables of {@code schema} if read already, else null (never blocks). */
  public SchemaTables loadedTables(String schema) {
    return tables.get(schema);
  }

  /** The primary key, foreign keys and indexes of one table (read each time). */
  public TableKeys keys(String schema, String table) throws CatalogException {
    return read(
        "the keys of " + schema + "." + table,
        c -> {
          Table<?> t = findTable(DSL.using(c, SQLDialect.POSTGRES).meta(), schema, table);
          if (t == null) {
            return new TableKeys(List.of(), List.of(), List.of());
          }
          UniqueKey<?> pk = t.getPrimaryKey();
          var pkColumns = new ArrayList<String>();
          if (pk != null) {
            pk.getFields().forEach(f -> pkColumns.add(f.getName()));
          }
          var fks = new ArrayList<String>();
          for (ForeignKey<?, ?> fk : t.getReferences()) {
            fks.add(
                names(fk.getFields())
                    + " → "
                    + fk.getKey().getTable().getName()
                    + names(fk.getKeyFields()));
          }
          var indexes = new ArrayList<String>();
          for (Index i : t.getIndexes()) {
            var cols = new ArrayList<String>();
            i.getFields().forEach(f -> cols.add(f.getName()));
            indexes.add(i.getName() + " (" + String.join(", ", cols) + ")");
          }
          return new TableKeys(pkColumns, fks, indexes);
        });
  }

  /** Forgets everything read, so the next call reads the database again. */
  public void refresh() {
    synchronized (this) {
      schemas = null;
    }
    tables.clear();
  }

  private interface Read<T> {
    T from(Connection c) throws SQLException;
  }

  private <T> T read(String what, Read<T> read) throws CatalogException {
    Connection c = connect();
    try (c) {
      try (Statement s = c.createStatement()) {
        s.execute("set statement_timeout = " + STATEMENT_TIMEOUT.toMillis());
      }
      return read.from(c);
    } catch (SQLException | DataAccessException e) {
      throw new CatalogException("cannot read " + what + ": " + firstLine(e), e);
    }
  }

  private static Schemas readSchemas(DSLContext dsl) {
    String current = dsl.fetchValue(DSL.field("current_schema()", String.class));
    var names = new ArrayList<String>();
    for (Schema s : dsl.meta().getSchemas()) {
      String name = s.getName();
      if (!name.isEmpty() && !name.startsWith("pg_toast") && !name.startsWith("pg_temp")) {
        names.add(name);
      }
    }
    names.sort(
        Comparator.comparing(SchemaCatalog::isSystem).thenComparing(Comparator.naturalOrder()));
    return new Schemas(List.copyOf(names), current == null ? "public" : current);
  }

  private static boolean isSystem(String schema) {
    return schema.startsWith("pg_") || schema.equals("information_schema");
  }

  /**
   * One catalog query for a schema's relations and their columns. jOOQ's meta API reads columns
   * table by table: 28 s for a schema of 10,000 tables (WideSchemaTest, 2026-12-03), against well
   * under a second for this.
   */
  private static final String TABLES_AND_COLUMNS =
      """
      select c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'f')
      order by c.relname, a.attnum""";

  private static SchemaTables readTables(Connection c, String schema) throws SQLException {
    var out = new ArrayList<TableInfo>();
    boolean truncated = false;
    try (PreparedStatement ps = c.prepareStatement(TABLES_AND_COLUMNS)) {
      ps.setString(1, schema);
      ps.setFetchSize(5_000);
      try (ResultSet rs = ps.executeQuery()) {
        String table = null;
        String kind = null;
        var columns = new ArrayList<ColumnInfo>();
        while (rs.next()) {
          String name = rs.getString(1);
          if (!name.equals(table)) {
            if (table != null) {
              out.add(new TableInfo(schema, table, kind(kind), columns));
              columns.clear();
            }
            if (out.size() >= MAX_TABLES) {
              truncated = true;
              table = null;
              break;
            }
            table = name;
            kind = rs.getString(2);
          }
          if (rs.getString(3) != null) {
            columns.add(new ColumnInfo(rs.getString(3), rs.getString(4), !rs.getBoolean(5)));
          }
        }
        if (table != null) {
          out.add(new TableInfo(schema, table, kind(kind), columns));
        }
      }
    }
    return new SchemaTables(schema, out, truncated);
  }

  private static Table<?> findTable(Meta meta, String schema, String table) {
    for (Schema s : meta.getSchemas(schema)) {
      Table<?> t = s.getTable(table);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static TableInfo.Kind kind(String relkind) {
    return switch (relkind) {
      case "r", "p" -> TableInfo.Kind.TABLE;
      case "v" -> TableInfo.Kind.VIEW;
      case "m" -> TableInfo.Kind.MATERIALIZED_VIEW;
      default -> TableInfo.Kind.OTHER;
    };
  }

  private static String names(List<? extends Field<?>> fields) {
    var out = new ArrayList<String>();
    fields.forEach(f -> out.add(f.getName()));
    return "(" + String.join(", ", out) + ")";
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
