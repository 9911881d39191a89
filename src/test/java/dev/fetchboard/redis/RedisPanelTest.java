package dev.fetchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.cli.FetchboardCommand;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.Outcome;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.TestRedis;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis panels as a user writes them: the workspace file, the engine, the command line. */
class RedisPanelTest {
  static TestRedis redis;
  static Engine engine;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    redis = TestRedis.start();
    redis.cli("RPUSH", "jobs", "a", "b", "c");
    engine = new Engine(EngineConfig.DEFAULT, List.of(new RedisSource()));
  }

  @AfterAll
  static void stop() {
    engine.close();
    redis.close();
  }

  private String yaml(String panelExtra) {
    return """
        fetchboard: 1
        name: Queues
        connections:
          cache:
            url: %s
        panels:
          - id: queue-depth
            redis:
              connection: cache
              command: [LLEN, jobs]
            view: value
            refresh: 5s
            checks:
              - value: { lessThan: 1000 }
        %s"""
        .formatted(redis.url(), panelExtra);
  }

  @Test
  void theIssuesWorkspaceReadsRunsAndItsValueCheckHolds() throws Exception {
    Workspace ws = new WorkspaceFile().parse(yaml(""), null);
    PanelSpec p = ws.panel("queue-depth").orElseThrow();
    assertThat(p.source()).isEqualTo(RedisCommandSpec.of("cache", "LLEN", "jobs"));
    RunResult r = engine.run(ws, p, e -> {}).await().getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.value()).isEqualTo(3L);
    assertThat(r.checks()).singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    // and a check that does not hold says so with the value
    PanelSpec strict =
        p.withChecks(
            new WorkspaceFile()
                .parse(yaml("").replace("lessThan: 1000", "lessThan: 2"), null)
                .panel("queue-depth")
                .orElseThrow()
                .checks());
    RunResult failed = engine.run(ws, strict, e -> {}).await().getFirst();
    assertThat(failed.outcome()).isEqualTo(Outcome.CHECK_FAILED);
    assertThat(failed.problem()).contains("(was 3)");
  }

  @Test
  void aSaveWritesTheRedisPanelBackAsItWasWritten() throws Exception {
    var file = new WorkspaceFile();
    Workspace ws = file.parse(yaml(""), null);
    String saved = file.toYaml(ws);
    assertThat(saved).contains("redis:").contains("command:").contains("- LLEN");
    assertThat(file.parse(saved, null)).isEqualTo(ws);
    Workspace writes =
        ws.withPanel(
            ws.panels()
                .getFirst()
                .withSource(RedisCommandSpec.of("cache", "SET", "k", "1").withAllowWrites(true)));
    assertThat(file.toYaml(writes)).contains("allowWrites: true");
    assertThat(file.parse(file.toYaml(writes), null)).isEqualTo(writes);
  }

  @Test
  void mistakesAreReportedWhereTheyAreWritten() {
    String noCommand = yaml("").replace("      command: [LLEN, jobs]\n", "      command: []\n");
    assertThatThrownBy(() -> new WorkspaceFile().parse(noCommand, null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessage(
            "line 10, column 7: panels[0].redis.command: a command is required, e.g. [LLEN,"
                + " jobs]");
    String wrongConn = yaml("").replace("      connection: cache\n", "      connection: cach\n");
    assertThatThrownBy(() -> new WorkspaceFile().parse(wrongConn, null))
        .hasMessageContaining("no connection named 'cach' (known: cache)");
    String secret =
        yaml("")
            .replace(
                "    url: " + redis.url() + "\n",
                "    url: " + redis.url() + "\n    password: hunter2\n");
    assertThatThrownBy(() -> new WorkspaceFile().parse(secret, null))
        .hasMessageContaining("${env:REDIS_PASSWORD}");
    String both =
        yaml("")
            .replace(
                "    redis:\n", "    sql: { connection: cache, query: select 1 }\n    redis:\n");
    assertThatThrownBy(() -> new WorkspaceFile().parse(both, null))
        .hasMessageContaining("one of http:, sql: or redis:");
  }

  @Test
  void aPasswordComesFromTheEnvironmentAndAnAclUserFromTheUrl() throws Exception {
    try (var secured = TestRedis.withUser("alice", "s3cret");
        var withEnv =
            new Engine(
                EngineConfig.DEFAULT,
                List.of(new RedisSource()),
                name -> name.equals("REDIS_PASSWORD") ? "s3cret" : null)) {
      secured.cli("RPUSH", "jobs", "x");
      String text =
          """
          fetchboard: 1
          connections:
            cache:
              url: %s
              password: ${env:REDIS_PASSWORD}
          panels:
            - id: q
              redis: { connection: cache, command: [LLEN, jobs] }
          """
              .formatted(secured.url().replace("redis://", "redis://alice@"));
      Workspace ws = new WorkspaceFile().parse(text, null);
      RunResult r = withEnv.run(ws, ws.panels().getFirst(), e -> {}).await().getFirst();
      assertThat(r.problem()).isNull();
      assertThat(r.value()).isEqualTo(1L);
    }
  }

  @Test
  void aCommandSlowerThanItsTimeoutTimesOut() throws Exception {
    Workspace ws = new WorkspaceFile().parse(yaml(""), null);
    PanelSpec p =
        ws.panels()
            .getFirst()
            .withChecks(List.of())
            .withSource(
                RedisCommandSpec.of("cache", "LLEN", "jobs").withTimeout(Duration.ofMillis(300)));
    engine.run(ws, p, e -> {}).await(); // connection open, command known
    redis.cli("CLIENT", "PAUSE", "3000", "ALL");
    RunResult r = engine.run(ws, p, e -> {}).await().getFirst();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(r.problem()).startsWith("timed out");
  }

  @Test
  void theCommandLineRunsARedisPanelAsJson() throws Exception {
    Path file = dir.resolve("ws.yaml");
    Files.writeString(
        file,
        yaml(
            """
              - id: board
                redis: { connection: cache, command: [HGETALL, stats] }
            """));
    redis.cli("HSET", "stats", "hits", "7");
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        FetchboardCommand.execute(
            new String[] {"run", file.toString(), "--format", "json"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    var lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode depth = new ObjectMapper().readTree(lines.get(0));
    assertThat(depth.get("panel").asText()).isEqualTo("queue-depth");
    assertThat(depth.get("value").asLong()).isEqualTo(3);
    JsonNode board = new ObjectMapper().readTree(lines.get(1));
    assertThat(board.get("data").get(0).get(0).asText()).isEqualTo("hits");
    assertThat(board.get("data").get(0).get(1).asText()).isEqualTo("7");
    assertThat(Map.of("ok", board.get("ok").asBoolean())).containsEntry("ok", true);
  }
}
