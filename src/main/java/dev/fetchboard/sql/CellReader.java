package dev.fetchboard.sql;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.JsonText;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads cells the way a person should see them: integers and numeric as exact numbers, booleans,
 * json as JSON, bytea as a short hex preview, and everything else (timestamps with their zone,
 * intervals, uuids, arrays, dates) in PostgreSQL's own text form, as psql shows it. NULL stays
 * null.
 */
final class CellReader {
  private static final int BYTEA_PREVIEW = 32;
  private static final Set<String> INTEGERS =
      Set.of("int2", "int4", "int8", "oid", "serial", "bigserial");
  private static final Set<String> FLOATS = Set.of("float4", "float8");

  private enum Kind {
    INTEGER,
    NUMERIC,
    FLOAT,
    BOOLEAN,
    JSON,
    BYTEA,
    TEXT
  }

  private final Kind[] kinds;
  private final List<Column> columns;
  private final SharedCells shared;

  CellReader(ResultSetMetaData meta) throws SQLException {
    int n = meta.getColumnCount();
    kinds = new Kind[n];
    var cols = new ArrayList<Column>(n);
    for (int i = 0; i < n; i++) {
      String type = meta.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT);
      Kind k =
          INTEGERS.contains(type)
              ? Kind.INTEGER
              : type.equals("numeric")
                  ? Kind.NUMERIC
                  : FLOATS.contains(type)
                      ? Kind.FLOAT
                      : type.equals("bool")
                          ? Kind.BOOLEAN
                          : type.equals("json") || type.equals("jsonb")
                              ? Kind.JSON
                              : type.equals("bytea") ? Kind.BYTEA : Kind.TEXT;
      kinds[i] = k;
      boolean numeric = k == Kind.INTEGER || k == Kind.NUMERIC || k == Kind.FLOAT;
      cols.add(new Column(meta.getColumnLabel(i + 1), type, numeric));
    }
    columns = List.copyOf(cols);
    shared = new SharedCells(n);
  }

  List<Column> columns() {
    return columns;
  }

  Object[] read(ResultSet rs) throws SQLException {
    shared.nextRow();
    Object[] row = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      int c = i + 1;
      Object v =
          switch (kinds[i]) {
            case INTEGER -> rs.getLong(c);
            case NUMERIC -> rs.getBigDecimal(c);
            case FLOAT -> rs.getDouble(c);
            case BOOLEAN -> rs.getBoolean(c);
            case JSON -> {
              String s = rs.getString(c);
              yield s == null ? null : new JsonText(s);
            }
            case BYTEA -> bytea(rs.getBytes(c));
            case TEXT -> rs.getString(c);
          };
      row[i] = rs.wasNull() ? null : shared.share(i, v);
    }
    return row;
  }

  private static String bytea(byte[] b) {
    if (b == null) {
      return null;
    }
    int n = Math.min(b.length, BYTEA_PREVIEW);
    String hex = "\\x" + HexFormat.of().formatHex(b, 0, n);
    return n < b.length ? hex + "… (" + b.length + " bytes)" : hex;
  }
}
