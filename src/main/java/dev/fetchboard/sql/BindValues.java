package dev.fetchboard.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a panel's parameter values to a JDBC statement, typed as they came from the workspace
 * (numbers, booleans, text; text is sent untyped so the server infers it, as psql would).
 */
final class BindValues {
  private BindValues() {}

  static void bind(PreparedStatement st, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      // pgjdbc has no binding for BigInteger; a YAML integer beyond long's range is numeric.
      st.setObject(i + 1, v instanceof BigInteger b ? new BigDecimal(b) : v);
    }
  }
}
