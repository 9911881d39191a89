package dev.fetchboard.sql;

import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunContext;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fills a result table from a result set up to its row cap, reporting progress as rows arrive. It
 * can stop after the first fetched batch and go on later, on another thread: see {@link SqlSource},
 * which reads a large result's rest on a platform thread.
 */
final class TableFill {
  /**
   * The first fetch is small so the first rows show at once even when the server produces them
   * slowly; later fetches are large, for throughput.
   */
  static final int FIRST_FETCH_SIZE = 200;

  static final int FETCH_SIZE = 5000;

  /**
   * Later batches double up to this many cells (50,000 rows of 5 columns): each batch is a round
   * trip in which the server waits for the client and then the client for the server, and a driver
   * buffer of this many cells stays small unless the cells are large.
   */
  private static final int LARGEST_BATCH_CELLS = 250_000;

  private final ResultSet rs;
  private final CellReader reader;
  private final ResultTable table;
  private final RunContext ctx;
  private final int largestBatch;
  private int batch = FIRST_FETCH_SIZE;
  private int batchEnd = FIRST_FETCH_SIZE;
  private int rows;
  private boolean finished;

  TableFill(ResultSet rs, CellReader reader, ResultTable table, RunContext ctx) {
    this.rs = rs;
    this.reader = reader;
    this.table = table;
    this.ctx = ctx;
    this.largestBatch =
        Math.max(FETCH_SIZE, LARGEST_BATCH_CELLS / Math.max(1, table.columns().size()));
  }

  /** Reads rows until {@code until} are in, the result ends, or the cap is reached. */
  void fill(int until) throws SQLException {
    int cap = table.maxRows();
    int n = rows;
    while (n < until && !finished) {
      if (!rs.next()) {
        finished = true;
      } else if (n >= cap) {
        table.markCapped();
        finished = true;
      } else {
        table.add(reader.read(rs));
        n++;
        if (n == batchEnd) {
          // The driver's buffer is empty and the next rs.next() waits for the server: report now,
          // past the throttle, so rows already here never wait behind a slow query. pgjdbc reads
          // the fetch size again for every fetch: the next batch is larger.
          batch = batch == FIRST_FETCH_SIZE ? FETCH_SIZE : Math.min(batch * 2, largestBatch);
          rs.setFetchSize(batch);
          batchEnd += batch;
          ctx.progress(0, n, table, true);
        } else if (n == 1) {
          ctx.progress(0, n, table, true);
        } else if ((n & 255) == 0) {
          ctx.progress(0, n, table);
        }
      }
    }
    rows = n;
  }

  /** Whether the result has ended or the cap was reached. */
  boolean finished() {
    return finished;
  }

  int rows() {
    return rows;
  }
}
