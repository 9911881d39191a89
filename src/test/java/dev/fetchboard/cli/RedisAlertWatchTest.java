package dev.fetchboard.cli;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.testing.TestRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19's "done when": a watch on a workspace with a Redis panel and a Telegram alert, whose
 * queue grows past its check and drains again, sends a fake Telegram server exactly one message
 * when the check starts failing and one when it recovers.
 */
class RedisAlertWatchTest {
  @TempDir Path dir;

  @Test
  void theQueueGrowingPastItsCheckAndDrainingSendsExactlyTwoMessages() throws Exception {
    var texts = new CopyOnWriteArrayList<String>();
    var json = new ObjectMapper();
    try (var redis = TestRedis.start();
        var telegram = new TestHttpServer()) {
      telegram.handle(
          "/",
          ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            texts.add(json.readTree(body).get("text").asText());
            TestHttpServer.send(ex, 200, "application/json", "{\"ok\":true,\"result\":{}}");
          });
      Path file = dir.resolve("jobs.yaml");
      Files.writeString(
          file,
          """
          fetchboard: 1
          name: Jobs
          connections:
            cache:
              url: %s
          panels:
            - id: queue-depth
              title: Queue depth
              redis:
                connection: cache
                command: [LLEN, jobs]
              view: value
              refresh: 500ms
              checks:
                - value: { lessThan: 3 }
          alerts:
            - telegram:
                token: ${env:TG_BOT_TOKEN}
                chat: "-100123456"
                apiBase: %s
              minInterval: 0s
          """
              .formatted(redis.url(), telegram.url("")));
      var out = new StringWriter();
      var err = new StringWriter();
      var watch = new WatchCommand();
      watch.alertEnvironment = Map.of("TG_BOT_TOKEN", "42:test-token")::get;
      var exit =
          CompletableFuture.supplyAsync(
              () ->
                  FetchboardCommand.execute(
                      new CommandLine(watch),
                      new String[] {file.toString(), "--duration", "15s"},
                      new PrintWriter(out, true),
                      new PrintWriter(err, true)));
      waitUntil("the short queue was seen", () -> out.toString().contains("✔ queue-depth"));
      redis.cli("RPUSH", "jobs", "a", "b", "c", "d", "e");
      waitUntil("the first message arrived", () -> texts.size() == 1);
      redis.cli("DEL", "jobs");
      waitUntil("the second message arrived", () -> texts.size() == 2);
      assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(1);
      assertThat(out.toString()).contains("alerts: 2 sent, 0 dropped");
    }
    assertThat(texts).hasSize(2);
    assertThat(texts.get(0))
        .startsWith("🟠 Queue depth: a check failed\n")
        .contains("(was 5)")
        .contains("value: 5");
    assertThat(texts.get(1)).startsWith("✅ Queue depth recovered (was check failed)\n");
    assertThat(List.copyOf(texts)).noneMatch(t -> t.contains("test-token"));
  }
}
