package dev.fetchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisReadOnlyTest {
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

  @Test
  void aWriteIsRefusedAndNothingChanges() throws Exception {
    redis.cli("SET", "counter", "1");
    assertThat(harness.failure(server, false, "SET", "counter", "2"))
        .isEqualTo(
            "redis.command: SET may change data (Redis flags it 'write'); the panel is read-only:"
                + " add allowWrites: true under redis: to run it");
    assertThat(harness.failure(server, false, "incr", "counter")).contains("INCR may change data");
    assertThat(redis.cli("GET", "counter")).isEqualTo("1");
  }

  @Test
  void allowWritesLiftsIt() throws Exception {
    assertThat(harness.run(server, true, 10, "SET", "lifted", "yes").value()).isEqualTo("OK");
    assertThat(redis.cli("GET", "lifted")).isEqualTo("yes");
    assertThat(harness.run(server, true, 10, "FLUSHDB").value()).isEqualTo("OK");
  }

  @Test
  void theServersFlagsDecideNotAListHere() throws Exception {
    // Neither command is named anywhere in the rule: the server's COMMAND INFO says PFADD writes
    // and PFCOUNT only reads.
    redis.cli("PFADD", "visitors", "a", "b");
    assertThat(harness.failure(server, false, "PFADD", "visitors", "c"))
        .contains("PFADD may change data (Redis flags it 'write')");
    assertThat(harness.run(server, "PFCOUNT", "visitors").value()).isEqualTo(2L);
    // Subcommands are judged on their own: OBJECT ENCODING reads, CLIENT KILL does not.
    assertThat(harness.run(server, "OBJECT", "ENCODING", "visitors").value()).isEqualTo("raw");
    assertThat(harness.failure(server, false, "CLIENT", "KILL", "ID", "999999"))
        .contains("CLIENT KILL may change data");
    // Asked once per command and connection, not per run.
    String before = commandInfoCalls();
    harness.run(server, "PFCOUNT", "visitors");
    harness.run(server, "PFCOUNT", "visitors");
    assertThat(commandInfoCalls()).isEqualTo(before);
  }

  private static String commandInfoCalls() {
    return redis
        .cli("INFO", "commandstats")
        .lines()
        .filter(l -> l.startsWith("cmdstat_command|info:"))
        .map(l -> l.replaceAll(",usec=.*", ""))
        .findFirst()
        .orElse("none");
  }

  @Test
  void serverReportsRunThoughRedisDoesNotFlagThemReadonly() throws Exception {
    assertThat(harness.run(server, "INFO", "memory").table().rowCount()).isPositive();
    assertThat(harness.run(server, "CONFIG", "GET", "maxmemory").table().rowCount()).isEqualTo(1);
    assertThat(harness.run(server, "PING").value()).isEqualTo("PONG");
    assertThat(harness.run(server, "SLOWLOG", "LEN").value()).isInstanceOf(Long.class);
  }

  @Test
  void dangerousCommandsAreRefusedByNameWithWhy() throws Exception {
    redis.cli("SET", "keep", "me");
    assertThat(harness.failure(server, false, "KEYS", "*"))
        .contains("KEYS walks every key")
        .contains("use SCAN")
        .contains("allowWrites: true");
    assertThat(harness.failure(server, false, "FLUSHALL")).contains("deletes every key");
    assertThat(harness.failure(server, false, "flushdb", "ASYNC")).contains("deletes every key");
    assertThat(harness.failure(server, false, "DEBUG", "SLEEP", "0")).contains("DEBUG");
    assertThat(harness.failure(server, false, "SHUTDOWN", "NOSAVE")).contains("stops the server");
    assertThat(harness.failure(server, false, "CONFIG", "SET", "maxmemory", "1"))
        .contains("CONFIG SET changes the server's configuration");
    assertThat(redis.cli("GET", "keep")).isEqualTo("me");
    assertThat(redis.cli("CONFIG", "GET", "maxmemory")).endsWith("0");
    // allowWrites lifts the list: KEYS then runs.
    assertThat(harness.run(server, true, 100, "KEYS", "keep").value()).isEqualTo("keep");
  }

  @Test
  void commandsThatWouldTakeOverTheSharedConnectionNeverRun() throws Exception {
    for (boolean allow : new boolean[] {false, true}) {
      assertThat(harness.failure(server, allow, "MONITOR")).contains("never ends");
      assertThat(harness.failure(server, allow, "SUBSCRIBE", "news")).contains("never ends");
      assertThat(harness.failure(server, allow, "SELECT", "2")).contains("another database");
      assertThat(harness.failure(server, allow, "MULTI")).contains("transactions");
      assertThat(harness.failure(server, allow, "BLPOP", "q", "0")).contains("waits for data");
    }
    assertThat(harness.run(server, "PING").value()).isEqualTo("PONG");
  }
}
