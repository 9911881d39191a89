package dev.fetchboard.redis;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.QueryRows;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.SourceOutput;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Runs one Redis command for a panel: on the server's shared connection, through the read-only rule
 * (asking the server about the command once), cancellable, its reply shown as a table and value.
 * SCAN and its kin are followed cursor by cursor until the row cap.
 */
final class RedisCommandRunner implements AutoCloseable {
  /** The longest string kept from one reply item; the rest is cut and said so. */
  static final int MAX_TEXT_BYTES = 1 << 20;

  private static final Set<String> SCANS = Set.of("scan", "hscan", "sscan", "zscan");

  private final RedisConnections connections = new RedisConnections();

  /**
   * Runs the request. {@code started} is called once the connection is open (the run counts from
   * then).
   *
   * @throws RunFailure for a refused command or an error the server or network gave, in words
   * @throws InterruptedException when cancelled
   */
  SourceOutput run(RedisSettings settings, RedisRequest req, Cancellation cancel, Runnable started)
      throws RunFailure, InterruptedException {
    List<String> cmd = req.command();
    if (cmd.isEmpty() || cmd.getFirst().isBlank()) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "redis.command: no command given");
    }
    String never = ReadOnlyRule.never(cmd);
    if (never != null) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "redis.command: " + never);
    }
    StatefulRedisConnection<byte[], byte[]> conn;
    try {
      conn = connections.connection(settings);
    } catch (ExecutionException e) {
      throw RedisErrors.describe(e.getCause(), settings);
    }
    started.run();
    CommandCatalog catalog = connections.catalog(settings);
    String unsure = null;
    if (!catalog.asked(cmd)) {
      try {
        catalog.learn(cmd, call(conn, List.of("COMMAND", "INFO", cmd.getFirst()), 20_000, cancel));
      } catch (ExecutionException e) {
        unsure = RedisErrors.describe(e.getCause(), settings).getMessage();
      }
    }
    if (unsure != null && !req.allowWrites()) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT,
          "redis.command: cannot tell whether "
              + cmd.getFirst().toUpperCase(Locale.ROOT)
              + " only reads, as the server did not answer COMMAND INFO ("
              + unsure
              + "); add allowWrites: true under redis: to run it anyway");
    }
    String refusal = ReadOnlyRule.refusal(cmd, catalog.lookup(cmd), req.allowWrites());
    if (refusal != null) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "redis.command: " + refusal);
    }
    try {
      String name = cmd.getFirst().toLowerCase(Locale.ROOT);
      if (SCANS.contains(name)) {
        return scan(conn, cmd, req.maxRows(), cancel);
      }
      Reply reply = call(conn, cmd, itemCap(req.maxRows()), cancel);
      ReplyTables.Shown shown = ReplyTables.show(cmd, reply, req.maxRows());
      return new SourceOutput(
          new QueryRows(shown.table(), shown.value(), null), shown.notice(), null);
    } catch (ExecutionException e) {
      throw RedisErrors.describe(e.getCause(), settings);
    }
  }

  /** Items kept from one reply: a row cap's worth of map pairs, plus room for framing. */
  private static int itemCap(int maxRows) {
    return (int) Math.min(Integer.MAX_VALUE - 64L, 2L * maxRows + 64);
  }

  /** Sends one command and waits for its reply; cancelling stops the wait at once. */
  private static Reply call(
      StatefulRedisConnection<byte[], byte[]> conn,
      List<String> words,
      int maxItems,
      Cancellation cancel)
      throws ExecutionException, InterruptedException {
    var args = new CommandArgs<>(ByteArrayCodec.INSTANCE);
    for (int i = 1; i < words.size(); i++) {
      args.add(words.get(i).getBytes(StandardCharsets.UTF_8));
    }
    RedisFuture<Reply> f =
        conn.async()
            .dispatch(
                new Keyword(words.getFirst()), new ReplyOutput(maxItems, MAX_TEXT_BYTES), args);
    Cancellation.Registration stop = cancel.onCancel(() -> f.cancel(true));
    try {
      return f.get();
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    } finally {
      stop.close();
    }
  }

  /**
   * SCAN, HSCAN, SSCAN, ZSCAN from the cursor given, page by page until the cursor comes back to 0
   * or the rows reach the cap (then the table says so, with the cursor to go on from).
   */
  private static SourceOutput scan(
      StatefulRedisConnection<byte[], byte[]> conn,
      List<String> cmd,
      int maxRows,
      Cancellation cancel)
      throws ExecutionException, InterruptedException, RunFailure {
    String name = cmd.getFirst().toLowerCase(Locale.ROOT);
    int at = name.equals("scan") ? 1 : 2;
    if (cmd.size() <= at) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT,
          "redis.command: "
              + name.toUpperCase(Locale.ROOT)
              + (at == 1 ? " needs a cursor: SCAN 0 MATCH pattern" : " needs a key and a cursor"));
    }
    boolean pairs = name.equals("hscan") || name.equals("zscan");
    List<Column> cols =
        switch (name) {
          case "hscan" -> List.of(text("field"), text("value"));
          case "zscan" -> List.of(text("member"), new Column("score", "double", true));
          case "sscan" -> List.of(text("member"));
          default -> List.of(text("key"));
        };
    var table = new ResultTable(cols, maxRows);
    var words = new ArrayList<>(cmd);
    String cursor = words.get(at);
    String notice = null;
    do {
      if (cancel.isCancelled()) {
        throw new InterruptedException("cancelled");
      }
      words.set(at, cursor);
      Reply reply = call(conn, words, itemCap(maxRows), cancel);
      if (!(reply instanceof Reply.Aggregate page)
          || page.items().size() < 2
          || !(page.items().get(1) instanceof Reply.Aggregate found)) {
        throw new RunFailure(ErrorKind.PROTOCOL, "redis: an unexpected reply to " + name);
      }
      cursor = Reply.display(page.items().get(0));
      List<Reply> items = found.items();
      int step = pairs ? 2 : 1;
      for (int i = 0; i + step - 1 < items.size(); i += step) {
        Object[] row =
            pairs
                ? new Object[] {
                  ReplyTables.cell(items.get(i)),
                  name.equals("zscan")
                      ? ReplyTables.number(Reply.display(items.get(i + 1)))
                      : ReplyTables.cell(items.get(i + 1))
                }
                : new Object[] {ReplyTables.cell(items.get(i))};
        if (!table.add(row)) {
          notice = "the scan stopped at cursor " + cursor + " (more may match)";
          break;
        }
      }
    } while (notice == null && !cursor.equals("0"));
    if (notice == null && table.rowCount() >= maxRows && !cursor.equals("0")) {
      table.markCapped();
    }
    return new SourceOutput(new QueryRows(table, null, null), notice, null);
  }

  private static Column text(String name) {
    return new Column(name, "text", false);
  }

  /** Any command name, sent as written. */
  private record Keyword(String word) implements ProtocolKeyword {
    @Override
    public byte[] getBytes() {
      return word.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return word;
    }
  }

  /**
   * Opens a connection of its own and asks the server's version: "connected to redis://…: Redis
   * 7.0.15". Refused logins and unreachable servers fail in the words a panel would show.
   */
  String test(RedisSettings settings) throws RunFailure {
    try (var conn = connections.direct(settings)) {
      Reply info = call(conn, List.of("INFO", "server"), 1000, new Cancellation());
      String version = "";
      if (info instanceof Reply.Text t) {
        for (Object[] row : ReplyTables.info(t.text())) {
          if (row[1].equals("redis_version")) {
            version = ": Redis " + row[2];
          }
        }
      }
      return "connected to " + settings.describe() + version;
    } catch (ExecutionException | RuntimeException e) {
      throw RedisErrors.describe(e instanceof ExecutionException ee ? ee.getCause() : e, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure(ErrorKind.CANCELLED, "cancelled");
    }
  }

  /** Forgets every connection (another workspace was opened). */
  void reset() {
    connections.reset();
  }

  @Override
  public void close() {
    connections.close();
  }
}
