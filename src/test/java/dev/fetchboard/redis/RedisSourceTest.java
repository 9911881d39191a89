package dev.fetchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.testing.TestRedis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisSourceTest {
  static TestRedis redis;
  static RedisRunnerHarness harness;
  static RedisSettings server;

  @BeforeAll
  static void start() throws Exception {
    redis = TestRedis.start();
    harness = new RedisRunnerHarness();
    server = RedisRunnerHarness.settings(redis.url());
  }

  @AfterAll
  static void stop() {
    harness.close();
    redis.close();
  }

  private static List<Object> column(SourceOutput out, int col) {
    return out.table().firstRows(1000).stream().map(r -> r[col]).toList();
  }

  @Test
  void aStringOrIntegerReplyIsTheValue() throws Exception {
    redis.cli("SET", "greeting", "héllo");
    redis.cli("RPUSH", "jobs", "a", "b", "c");
    assertThat(harness.run(server, "GET", "greeting").value()).isEqualTo("héllo");
    SourceOutput len = harness.run(server, "LLEN", "jobs");
    assertThat(len.value()).isEqualTo(3L);
    assertThat(len.table().columns().getFirst().numeric()).isTrue();
    SourceOutput missing = harness.run(server, "GET", "no-such-key");
    assertThat(missing.value()).isNull();
    assertThat(missing.notice()).contains("does not exist");
    assertThat(harness.run(server, "TYPE", "jobs").value()).isEqualTo("list");
    assertThat(harness.run(server, "TTL", "jobs").value()).isEqualTo(-1L);
    assertThat((Long) harness.run(server, "MEMORY", "USAGE", "jobs").value()).isPositive();
  }

  @Test
  void aHashIsFieldValueRows() throws Exception {
    redis.cli("HSET", "user:1", "name", "Ada", "visits", "12");
    SourceOutput out = harness.run(server, "HGETALL", "user:1");
    assertThat(out.table().columns()).extracting(c -> c.name()).containsExactly("field", "value");
    assertThat(column(out, 0)).containsExactlyInAnyOrder("name", "visits");
    assertThat(column(out, 1)).containsExactlyInAnyOrder("Ada", "12");
  }

  @Test
  void aListOrSetIsRows() throws Exception {
    redis.cli("RPUSH", "queue", "one", "two", "three");
    assertThat(column(harness.run(server, "LRANGE", "queue", "0", "-1"), 0))
        .containsExactly("one", "two", "three");
    redis.cli("SADD", "tags", "x", "y");
    assertThat(column(harness.run(server, "SMEMBERS", "tags"), 0))
        .containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void aSortedSetIsRowsWithScores() throws Exception {
    redis.cli("ZADD", "board", "1", "ann", "2.5", "bob");
    SourceOutput out = harness.run(server, "ZRANGE", "board", "0", "-1", "WITHSCORES");
    assertThat(out.table().columns()).extracting(c -> c.name()).containsExactly("member", "score");
    assertThat(out.table().columns().get(1).numeric()).isTrue();
    assertThat(out.table().firstRows(10))
        .containsExactly(new Object[] {"ann", 1.0}, new Object[] {"bob", 2.5});
  }

  @Test
  void infoIsKeyValueRowsWithNumbersAsNumbers() throws Exception {
    SourceOutput out = harness.run(server, "INFO", "server");
    assertThat(out.table().columns())
        .extracting(c -> c.name())
        .containsExactly("section", "key", "value");
    var port =
        out.table().firstRows(1000).stream().filter(r -> r[1].equals("tcp_port")).findFirst();
    assertThat(port).isPresent();
    assertThat(port.get()[0]).isEqualTo("server");
    assertThat(port.get()[2]).isEqualTo((long) redis.port());
  }

  @Test
  void scanIsCappedLikeSqlRowsWithANotice() throws Exception {
    var sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append("SET scan:").append(i).append(" v\n");
    }
    redis.pipe(sb.toString());
    SourceOutput all =
        harness.run(server, false, 1000, "SCAN", "0", "MATCH", "scan:*", "COUNT", "50");
    assertThat(all.table().rowCount()).isEqualTo(300);
    assertThat(all.table().capped()).isFalse();
    SourceOutput capped =
        harness.run(server, false, 100, "SCAN", "0", "MATCH", "scan:*", "COUNT", "50");
    assertThat(capped.table().rowCount()).isEqualTo(100);
    assertThat(capped.table().capped()).isTrue();
    assertThat(capped.table().capNotice()).contains("first 100 rows");
    assertThat(capped.notice()).contains("stopped at cursor");
  }

  @Test
  void streamsSlowlogAndClientListHaveNamedColumns() throws Exception {
    redis.cli("XADD", "events", "1-1", "kind", "login", "user", "ada");
    redis.cli("XADD", "events", "2-1", "kind", "logout");
    assertThat(harness.run(server, "XLEN", "events").value()).isEqualTo(2L);
    SourceOutput x = harness.run(server, "XRANGE", "events", "-", "+");
    assertThat(x.table().columns()).extracting(c -> c.name()).containsExactly("id", "kind", "user");
    assertThat(x.table().firstRows(5))
        .containsExactly(
            new Object[] {"1-1", "login", "ada"}, new Object[] {"2-1", "logout", null});
    SourceOutput clients = harness.run(server, "CLIENT", "LIST");
    assertThat(clients.table().columnIndex("addr")).isGreaterThanOrEqualTo(0);
    assertThat(clients.table().rowCount()).isPositive();
    redis.cli("CONFIG", "SET", "slowlog-log-slower-than", "0");
    try {
      SourceOutput slow = harness.run(server, "SLOWLOG", "GET", "5");
      assertThat(slow.table().columns())
          .extracting(c -> c.name())
          .containsExactly("id", "time", "microseconds", "command", "client", "name");
      assertThat(slow.table().rowCount()).isPositive();
    } finally {
      redis.cli("CONFIG", "SET", "slowlog-log-slower-than", "10000");
    }
  }

  @Test
  void anUnknownShapeIsItsReplyTreeAsRows() throws Exception {
    redis.cli("XADD", "tree", "1-1", "a", "1");
    SourceOutput out = harness.run(server, "XINFO", "STREAM", "tree");
    assertThat(out.table().columns()).extracting(c -> c.name()).containsExactly("key", "value");
    assertThat(column(out, 0)).contains("length", "first-entry");
  }

  @Test
  void wrongTypeIsThePanelsErrorInRedissWords() throws Exception {
    redis.cli("SET", "plain", "x");
    assertThatThrownBy(() -> harness.run(server, "LLEN", "plain"))
        .isInstanceOfSatisfying(
            RunFailure.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("WRONGTYPE Operation against a key holding the wrong kind of value");
              assertThat(e.error().kind()).isEqualTo(ErrorKind.QUERY);
            });
  }

  @Test
  void aServerThatWantsAPasswordSaysNoauth() throws Exception {
    try (var secured = TestRedis.withUser("alice", "s3cret");
        var h = new RedisRunnerHarness()) {
      String message = h.failure(RedisRunnerHarness.settings(secured.url()), false, "PING");
      assertThat(message).contains("NOAUTH").contains(secured.url().replace("redis://", ""));
      assertThat(message).doesNotContain("Exception");
    }
  }

  @Test
  void aServerThatIsNotThereIsConnectionRefused() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String message =
        harness.failure(
            RedisRunnerHarness.settings("redis://127.0.0.1:" + port + "/0"), false, "PING");
    assertThat(message)
        .isEqualTo("cannot connect to redis://127.0.0.1:" + port + "/0: connection refused");
  }

  @Test
  void cancelStopsTheWaitAndTheConnectionStaysUsable() throws Exception {
    harness.run(server, "GET", "greeting"); // the command is known and the connection open
    redis.cli("CLIENT", "PAUSE", "4000", "ALL");
    var cancel = new Cancellation();
    var run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return harness.runner.run(
                    server,
                    new RedisRequest(List.of("GET", "greeting"), false, 10),
                    cancel,
                    () -> {});
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    Thread.sleep(300);
    assertThat(run).isNotDone();
    cancel.cancel(Cancellation.Reason.USER);
    assertThatThrownBy(() -> run.get(2, TimeUnit.SECONDS))
        .hasCauseInstanceOf(InterruptedException.class);
    // Once the pause is over the shared connection answers the next panel.
    assertThat(harness.run(server, "PING").value()).isEqualTo("PONG");
  }
}
