package dev.fetchboard.engine;

import java.io.IOException;
import java.util.List;

/**
 * Takes a result's rows one by one instead of a {@link ResultTable} keeping them: a run with a sink
 * holds no rows, so a whole result of any size can go to a file in bounded memory.
 */
public interface RowSink {
  /** The columns, once, before the first row. */
  void columns(List<Column> columns) throws IOException;

  /** One row, in the order the columns were given. */
  void row(Object[] row) throws IOException;
}
