package dev.fetchboard.sql;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.ConnectionTester;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.QueryRows;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RowsChanged;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Variables.UnknownVariableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * Runs SQL panels on PostgreSQL: pgjdbc through one HikariCP pool per connection, a prepared
 * statement with bind values. A read-only panel (the default) runs one statement, checked from its
 * text ({@link ReadOnlyCheck}), in a read-only transaction that is rolled back; its rows are read
 * straight from the driver and streamed with growing fetch sizes into the result table while the
 * query runs ({@link TableFill}), cancellable on the server, or, when its last result fit the first
 * fetch, come in one round trip (see {@link SmallResults}). A panel that allows writes runs its
 * text as psql would. Rows or "n changed" is what the driver says the statement returned, and every
 * run gives its connection back clean ({@link SessionReset}).
 */
public final class SqlSource implements Source, ConnectionTester {
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final ConnectionPools pools = new ConnectionPools();
  private final SessionSettings session = new SessionSettings();
  private final SmallResults smallResults = new SmallResults();
  private final RolePowers rolePowers = new RolePowers();
  private final EmbeddedConnectionProvider embedded;
  private final Map<String, String> env;
  private final Path pgpass;

  /** A source for this user: PG* variables and ~/.pgpass (or $PGPASSFILE) as psql reads them. */
  public SqlSource(EmbeddedConnectionProvider embedded) {
    this(embedded, System.getenv(), defaultPgpass(System.getenv()));
  }

  /** A source with a given environment and password file (tests). */
  public SqlSource(EmbeddedConnectionProvider embedded, Map<String, String> env, Path pgpass) {
    this.embedded = embedded;
    this.env = Map.copyOf(env);
    this.pgpass = pgpass;
  }

  private static final java.util.concurrent.atomic.AtomicBoolean PRELOADED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Loads the driver's and the pool's classes on a background thread, so the first query's first
   * row does not wait for them. The window calls this after its first frame, the command line at
   * once; later calls do nothing.
   */
  public static void preloadInBackground() {
    if (PRELOADED.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("sql-class-preload")
          .start(
              () -> {
                new org.postgresql.Driver();
                try {
                  Class.forName("com.zaxxer.hikari.HikariDataSource");
                } catch (ClassNotFoundException e) {
                  // On the class path by the build; the first query would load it anyway.
                }
              });
    }
  }

  /** Single read-only connections with this source's settings, for the editor's tools. */
  public ToolConnections toolConnections() {
    return new ToolConnections(embedded, env, pgpass);
  }

  private static Path defaultPgpass(Map<String, String> env) {
    String file = env.get("PGPASSFILE");
    return file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".pgpass");
  }

  @Override
  public boolean handles(SourceSpec spec) {
    return spec instanceof SqlQuerySpec;
  }

  /** The query of a panel this source was chosen for (see {@link #handles}). */
  private static SqlQuerySpec query(PanelSpec panel) {
    return panel.asSql().orElseThrow();
  }

  @Override
  public Duration timeout(PanelSpec panel) {
    // The server's statement_timeout fires first with its own message; this is the backstop.
    return query(panel).timeoutOrDefault().plus(SLACK);
  }

  @Override
  public SourceOutput run(PanelSpec panel, RunContext ctx) throws Exception {
    SqlQuerySpec q = query(panel);
    ConnectionSettings settings = settings(q.connection(), ctx, q.writesAllowed());
    NamedParameters.Parsed parsed = NamedParameters.parse(q.query());
    Object[] binds = new Object[parsed.names().size()];
    for (int i = 0; i < binds.length; i++) {
      String name = parsed.names().get(i);
      if (!q.params().containsKey(name)) {
        throw new RunFailure(
            ErrorKind.INVALID_INPUT,
            "sql.params: the query uses :"
                + name
                + " but no parameter of that name is given"
                + (q.params().isEmpty()
                    ? ""
                    : " (given: " + String.join(", ", q.params().keySet()) + ")"));
      }
      binds[i] = q.params().get(name);
    }
    if (!q.writesAllowed()) {
      String refusal = ReadOnlyCheck.refusal(q.query());
      if (refusal != null) {
        throw new RunFailure(ErrorKind.INVALID_INPUT, "sql.query: " + refusal);
      }
    }
    Connection conn;
    try {
      conn = pools.borrow(q.connection(), settings);
    } catch (SQLException e) {
      if (ctx.cancellation().isCancelled()) {
        throw new InterruptedException("cancelled while waiting for a connection");
      }
      throw SqlErrors.describe(e, settings, null);
    }
    ctx.markStarted();
    // The statement runs on a thread of its own: cancelling interrupts the run's thread, and an
    // interrupted virtual thread closes the socket it is reading, which would kill the session
    // instead of cancelling the statement. The cancel goes to the server (PGConnection.cancelQuery)
    // and the connection returns to the pool whole.
    var work =
        new java.util.concurrent.FutureTask<SourceOutput>(
            () -> {
              try (conn) {
                return execute(conn, q, parsed.sql(), binds, settings, ctx);
              }
            });
    Thread.ofVirtual().name("sql-" + panel.id()).start(work);
    try {
      return work.get();
    } catch (InterruptedException e) {
      // The cancellation has asked the server to stop; let the statement end and the connection go
      // back before reporting.
      try {
        work.get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // cancelled or failed: either way the run is over
      }
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private SourceOutput execute(
      Connection conn,
      SqlQuerySpec q,
      String sql,
      Object[] binds,
      ConnectionSettings settings,
      RunContext ctx)
      throws Exception {
    boolean writes = q.writesAllowed();
    try {
      session.apply(conn, Math.max(1, q.timeoutOrDefault().toMillis()), !writes);
      String notice = rolePowers.notice(settings, conn);
      SourceOutput out =
          writes ? withWrites(conn, q, sql, binds, ctx) : readOnly(conn, q, sql, binds, ctx);
      return notice == null ? out : out.withNotice(notice);
    } catch (SQLException e) {
      if (ctx.cancellation().isCancelled()) {
        throw new InterruptedException("cancelled");
      }
      throw SqlErrors.describe(e, settings, sql);
    } finally {
      if (!SessionReset.afterRun(conn, writes, session)) {
        pools.evict(settings, conn);
      }
    }
  }

  /**
   * One statement (checked from the text before the run, and here again as the driver splits it) in
   * a read-only transaction that is rolled back at the end: nothing it did can be committed, and
   * any setting it changed is undone before the next panel gets the connection. A query whose last
   * result was small sends BEGIN READ ONLY, itself and ROLLBACK in one round trip; any other is
   * read through a cursor in that transaction, its rows shown as they arrive.
   */
  // The cancel hook is a scope guard: closing it unhooks; the body needs no reference to it.
  @SuppressWarnings("try")
  private SourceOutput readOnly(
      Connection conn, SqlQuerySpec q, String text, Object[] binds, RunContext ctx)
      throws Exception {
    String sql = ReadOnlyCheck.withoutTrailing(text);
    requireOneStatement(conn, sql);
    boolean whole = ctx.rowSink() == null && smallResults.contains(q.connection(), sql);
    if (whole) {
      // The newline ends a trailing -- comment; the statement was checked to close every comment
      // and literal it opens, so the ROLLBACK is read as a statement of its own.
      try (PreparedStatement st =
              conn.prepareStatement("BEGIN READ ONLY;\n" + sql + "\n;ROLLBACK");
          var abort = ctx.cancellation().onCancel(() -> cancelOnServer(conn))) {
        BindValues.bind(st, binds);
        capRows(st, q);
        st.execute();
        st.getMoreResults();
        return output(st, q, sql, ctx, true);
      }
    }
    // With pgjdbc's readOnlyMode=transaction, BEGIN READ ONLY travels with the query itself.
    conn.setReadOnly(true);
    conn.setAutoCommit(false);
    try (PreparedStatement st = conn.prepareStatement(sql);
        var abort = ctx.cancellation().onCancel(() -> cancelOnServer(conn))) {
      BindValues.bind(st, binds);
      st.setFetchSize(TableFill.FIRST_FETCH_SIZE);
      st.execute();
      return output(st, q, sql, ctx, true);
    } finally {
      // Nothing to commit; a rollback also undoes what the statement set (set_config, role).
      rollback(conn);
    }
  }

  /**
   * A text that may write, run as psql runs it: with autocommit, every statement in turn. Shows the
   * last result that has rows, else how many rows all statements changed. Its rows come whole (at
   * most the row cap), not streamed.
   */
  // The cancel hook is a scope guard: closing it unhooks; the body needs no reference to it.
  @SuppressWarnings("try")
  private SourceOutput withWrites(
      Connection conn, SqlQuerySpec q, String sql, Object[] binds, RunContext ctx)
      throws Exception {
    conn.setReadOnly(false);
    try (PreparedStatement st = conn.prepareStatement(sql);
        var abort = ctx.cancellation().onCancel(() -> cancelOnServer(conn))) {
      BindValues.bind(st, binds);
      capRows(st, q);
      boolean rows = st.execute();
      ResultSet last = null;
      long changed = 0;
      try {
        while (true) {
          if (rows) {
            if (last != null) {
              last.close();
            }
            last = st.getResultSet();
          } else {
            long count = st.getLargeUpdateCount();
            if (count < 0) {
              break;
            }
            changed += count;
          }
          rows = st.getMoreResults(Statement.KEEP_CURRENT_RESULT);
        }
        if (last != null) {
          return readRows(last, q, sql, ctx, false);
        }
      } finally {
        if (last != null) {
          last.close();
        }
      }
      return changedRows(changed);
    }
  }

  /** The driver's own reading of the text: a second statement it would send is refused. */
  private static void requireOneStatement(Connection conn, String sql) throws Exception {
    boolean standard = conn.unwrap(BaseConnection.class).getStandardConformingStrings();
    int statements = Parser.parseJdbcSql(sql, standard, true, true, false, false).size();
    if (statements > 1) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT,
          "sql.query: a read-only panel runs one statement, and the driver reads "
              + statements
              + " in this text; set allowWrites: true to run several");
    }
  }

  /**
   * The server stops one row past the cap (enough to tell that there were more), so a result that
   * grew since the last run costs no more memory than the cap.
   */
  private static void capRows(PreparedStatement st, SqlQuerySpec q) throws SQLException {
    int cap = q.maxRowsOrDefault();
    st.setMaxRows(cap < Integer.MAX_VALUE ? cap + 1 : 0);
  }

  /** Rows when the statement returned them (as the driver says), else the count it changed. */
  private SourceOutput output(
      PreparedStatement st, SqlQuerySpec q, String sql, RunContext ctx, boolean noteSize)
      throws Exception {
    ResultSet rs = st.getResultSet();
    if (rs == null) {
      return changedRows(Math.max(0, st.getLargeUpdateCount()));
    }
    try (rs) {
      return readRows(rs, q, sql, ctx, noteSize);
    }
  }

  private static SourceOutput changedRows(long affected) {
    return SourceOutput.of(new RowsChanged(affected));
  }

  private SourceOutput readRows(
      ResultSet rs, SqlQuerySpec q, String sql, RunContext ctx, boolean noteSize) throws Exception {
    var reader = new CellReader(rs.getMetaData());
    if (ctx.rowSink() != null) {
      return streamTo(ctx.rowSink(), rs, reader, ctx);
    }
    var table = new ResultTable(reader.columns(), q.maxRowsOrDefault());
    ctx.progress(0, 0, table, true);
    var fill = new TableFill(rs, reader, table, ctx);
    fill.fill(TableFill.FIRST_FETCH_SIZE);
    if (!fill.finished()) {
      onPlatformThread(() -> fill.fill(Integer.MAX_VALUE));
    }
    int n = fill.rows();
    ctx.progress(0, n, table, true);
    int rowsRead = table.capped() ? n + 1 : n;
    if (noteSize) {
      smallResults.note(q.connection(), sql, rowsRead <= TableFill.FIRST_FETCH_SIZE);
    }
    Object first = n > 0 && !table.columns().isEmpty() ? table.cell(0, 0) : null;
    return SourceOutput.of(new QueryRows(table, first, ctx.timeToFirstRow()));
  }

  /**
   * Reads the rest of a large result on a platform thread and waits for it. The statement starts on
   * a virtual thread (cheap for a dashboard's many small queries), but a large result spends its
   * time in socket reads that find no data yet; on a virtual thread each of them unmounts and
   * remounts the driver's deep stack and waits through the poller, about 0.2 s of CPU over a
   * million rows. This thread is never interrupted: a cancel stops the query on the server, and the
   * read ends with the server's error.
   */
  private static void onPlatformThread(RowsStep step) throws SQLException {
    var task =
        new java.util.concurrent.FutureTask<Void>(
            () -> {
              step.run();
              return null;
            });
    Thread.ofPlatform().name("sql-rows").daemon().start(task);
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading rows", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Reading rows, which may fail as the driver does. */
  private interface RowsStep {
    void run() throws SQLException;
  }

  /**
   * Asks the server to stop what the connection runs. Through the connection, not the statement:
   * pgjdbc's Statement.cancel does nothing once executeQuery has returned, so a result whose later
   * batches were still arriving ran on to its end while Stop waited five seconds and gave up.
   */
  private static void cancelOnServer(Connection conn) {
    try {
      conn.unwrap(org.postgresql.PGConnection.class).cancelQuery();
    } catch (SQLException ignored) {
      // the server is gone or the query has ended: nothing is left to stop
    }
  }

  /**
   * Every row to the sink and none kept (an export of the whole result): no row cap, progress as
   * rows go, cancellable between rows. The output's table has the columns and no rows.
   */
  private static SourceOutput streamTo(
      dev.fetchboard.engine.RowSink sink, ResultSet rs, CellReader reader, RunContext ctx)
      throws Exception {
    try {
      sink.columns(reader.columns());
      long n = 0;
      while (rs.next()) {
        sink.row(reader.read(rs));
        n++;
        if (n == 1) {
          rs.setFetchSize(TableFill.FETCH_SIZE);
        }
        if ((n & 4095) == 0) {
          if (ctx.cancellation().isCancelled()) {
            throw new InterruptedException("cancelled");
          }
          ctx.progress(0, n, null);
        }
      }
      ctx.progress(0, n, null, true);
    } catch (java.io.IOException e) {
      throw new RunFailure(
          ErrorKind.INTERNAL,
          "cannot write the rows: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    return SourceOutput.of(
        new QueryRows(new ResultTable(reader.columns(), 0), null, ctx.timeToFirstRow()));
  }

  @Override
  public void warmUp(PanelSpec panel, RunContext ctx, int connections) throws Exception {
    ConnectionSettings settings =
        settings(query(panel).connection(), ctx, query(panel).writesAllowed());
    int n = Math.min(connections, settings.maxConcurrency());
    var held = new java.util.concurrent.ConcurrentLinkedQueue<Connection>();
    try (var exec =
        java.util.concurrent.Executors.newThreadPerTaskExecutor(
            dev.fetchboard.engine.Workers.virtual("sql-warm-up"))) {
      for (int i = 0; i < n; i++) {
        exec.execute(
            () -> {
              try {
                held.add(pools.borrow(query(panel).connection(), settings));
              } catch (SQLException ignored) {
                // the timed runs will report it
              }
            });
      }
    }
    for (Connection c : held) {
      c.close();
    }
  }

  private static void rollback(Connection conn) {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // a broken connection is evicted by the pool's check on the next borrow
    }
  }

  /** Settings of a resolved connection, and the password file's time stamp they were read at. */
  private record CachedSettings(ConnectionSettings settings, long pgpassStamp) {}

  private final Map<ConnectionSpec, CachedSettings> settingsCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ConnectionSettings settings(String name, RunContext ctx, boolean writes)
      throws Exception {
    ConnectionSpec spec = ctx.workspace().connections().get(name);
    if (spec == null) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT, "sql.connection: no connection named '" + name + "'");
    }
    if (spec.url() != null && spec.url().strip().startsWith("embedded:")) {
      if (embedded == null) {
        throw new RunFailure(
            ErrorKind.CONNECTION, "connection '" + name + "': this app has no embedded database");
      }
      if (!embedded.isReady()) {
        ctx.waitingFor("starting database…");
      }
      ConnectionSpec live = embedded.await(writes);
      spec =
          new ConnectionSpec(
              live.url(),
              live.host(),
              live.port(),
              live.database(),
              live.user(),
              live.password(),
              live.sslmode(),
              null,
              spec.applicationName(),
              spec.maxConcurrency());
    } else {
      try {
        spec = ctx.resolver().resolve(name, spec);
      } catch (UnknownVariableException e) {
        throw new RunFailure(ErrorKind.INVALID_INPUT, e.getMessage());
      }
    }
    // Parsing the URL and looking at the password file per run cost a point query several
    // microseconds of CPU; a change of the file shows as a new time stamp and is read again.
    long pgpassStamp = pgpass == null ? 0 : pgpass.toFile().lastModified();
    CachedSettings cached = settingsCache.get(spec);
    if (cached != null && cached.pgpassStamp() == pgpassStamp) {
      return cached.settings();
    }
    try {
      ConnectionSettings fresh = ConnectionSettings.of(spec, env, pgpass);
      if (settingsCache.size() >= 256) {
        settingsCache.clear();
      }
      settingsCache.put(spec, new CachedSettings(fresh, pgpassStamp));
      return fresh;
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "connection '" + name + "': " + e.getMessage());
    }
  }

  /** Every connection but another kind's URL (a {@code redis://} one, say) is PostgreSQL's. */
  @Override
  public boolean tests(ConnectionSpec resolved) {
    String url = resolved.url();
    return url == null
        || !url.strip().matches("(?i)^[a-z][a-z0-9+.-]*://.*")
        || url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
  }

  /** "Test connection": opens one connection outside the pools and asks the server its version. */
  @Override
  public ConnectionCheck testConnection(ConnectionSpec resolved) {
    ConnectionSettings settings;
    try {
      if (resolved.url() != null
          && resolved.url().strip().startsWith("embedded:")
          && embedded != null) {
        resolved = embedded.await();
      }
      settings = ConnectionSettings.of(resolved, env, pgpass);
    } catch (IllegalArgumentException | RunFailure e) {
      return new ConnectionCheck(false, null, null, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectionCheck(false, null, null, "cancelled");
    }
    long start = System.nanoTime();
    try (Connection c = ConnectionPools.direct(settings);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      String version = rs.getString(1);
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      String powers = RolePowers.describe(c);
      return new ConnectionCheck(
          true,
          version,
          latency,
          "connected to "
              + settings.describe()
              + ": PostgreSQL "
              + version
              + (powers == null ? "" : ". Note: " + powers));
    } catch (SQLException e) {
      return new ConnectionCheck(
          false, null, null, SqlErrors.describe(e, settings, null).getMessage());
    }
  }

  @Override
  public void reset() {
    pools.close();
  }

  @Override
  public void close() {
    pools.close();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
