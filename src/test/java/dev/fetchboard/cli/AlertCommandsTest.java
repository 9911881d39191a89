package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.testing.TestHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Alerts from the command line: {@code watch}, {@code run --alerts} and {@code alert-test}. */
class AlertCommandsTest {
  private static final String TOKEN = "555:CANARY-cli-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final TestHttpServer api = new TestHttpServer();
  private final TestHttpServer telegram = new TestHttpServer();
  private final List<String> texts = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env = Map.of("TG_BOT_TOKEN", TOKEN);

  AlertCommandsTest() throws Exception {
    // The queue is short for two runs, long for the next two, then short again.
    api.handle(
        "/queue",
        ex -> {
          int n = apiCalls.incrementAndGet();
          String depth = n >= 3 && n <= 4 ? "5000" : "5";
          TestHttpServer.send(ex, 200, "application/json", "{\"length\": " + depth + "}");
        });
    telegram.handle(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          paths.add(ex.getRequestURI().getPath());
          String chat = JSON.readTree(body).get("chat_id").asText();
          if (chat.equals("404")) {
            TestHttpServer.send(
                ex,
                400,
                "application/json",
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not"
                    + " found\"}");
            return;
          }
          texts.add(JSON.readTree(body).get("text").asText());
          TestHttpServer.send(ex, 200, "application/json", "{\"ok\":true,\"result\":{}}");
        });
  }

  @AfterEach
  void stop() {
    api.close();
    telegram.close();
  }

  private Path workspace(String chats) throws Exception {
    Path file = dir.resolve("ws.yaml");
    Files.writeString(
        file,
        """
        fetchboard: 1
        name: Jobs
        panels:
          - id: queue-depth
            title: Queue depth
            http: { url: "%s" }
            view: value
            value: $.length
            refresh: 500ms
            checks:
              - value: { lessThan: 1000 }
        alerts:
        %s"""
            .formatted(api.url("/queue"), chats));
    return file;
  }

  private String chat(String id) {
    return """
          - telegram:
              token: ${env:TG_BOT_TOKEN}
              chat: "%s"
              apiBase: %s
            minInterval: 1s
        """
        .formatted(id, telegram.url(""));
  }

  private int execute(Object command, String... args) {
    return FetchboardCommand.execute(
        new CommandLine(command), args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void watchSendsOneMessageWhenTheCheckStartsFailingAndOneWhenItRecovers() throws Exception {
    Path ws = workspace(chat("-100123"));
    var watch = new WatchCommand();
    watch.alertEnvironment = env::get;
    // Long enough for a loaded machine to run the panel past its failing runs.
    int code = execute(watch, ws.toString(), "--duration", "8s", "--quiet");
    assertThat(apiCalls.get()).as(out + "\n" + err).isGreaterThanOrEqualTo(5);
    assertThat(code).as(err.toString()).isEqualTo(FetchboardCommand.FAILED);
    assertThat(texts).hasSize(2);
    assertThat(texts.get(0)).startsWith("🟠 Queue depth: a check failed\n").contains("5000");
    assertThat(texts.get(1)).startsWith("✅ Queue depth recovered (was check failed)\n");
    assertThat(paths).allMatch(p -> p.equals("/bot" + TOKEN + "/sendMessage"));
    assertThat(out.toString()).contains("alerts: 2 sent, 0 dropped").doesNotContain("CANARY");
    assertThat(err.toString()).doesNotContain("CANARY");
  }

  @Test
  void watchWithoutAlertsSendsNone() throws Exception {
    Path ws = workspace(chat("-100123"));
    var watch = new WatchCommand();
    watch.alertEnvironment = env::get;
    apiCalls.set(2); // the first run sees a long queue: an alert, were alerts on
    execute(watch, ws.toString(), "--duration", "4s", "--quiet", "--no-alerts");
    assertThat(apiCalls.get()).as(out + "\n" + err).isGreaterThanOrEqualTo(3);
    assertThat(texts).isEmpty();
  }

  @Test
  void runSendsAlertsOnlyWhenAskedTo() throws Exception {
    apiCalls.set(2); // the next run sees a long queue
    Path ws = workspace(chat("-100123"));
    var run = new RunCommand();
    run.alertEnvironment = env::get;
    assertThat(execute(run, ws.toString())).isEqualTo(FetchboardCommand.FAILED);
    assertThat(texts).isEmpty();
    apiCalls.set(2);
    run = new RunCommand();
    run.alertEnvironment = env::get;
    assertThat(execute(run, ws.toString(), "--alerts")).isEqualTo(FetchboardCommand.FAILED);
    assertThat(texts).hasSize(1);
    assertThat(texts.getFirst()).startsWith("🟠 Queue depth: a check failed");
  }

  @Test
  void alertTestPrintsEachTargetsAnswerAndExitsOneWhenAnyFailed() throws Exception {
    Path ws = workspace(chat("-100123") + chat("404"));
    var test = new AlertTestCommand();
    test.environment = env::get;
    assertThat(execute(test, ws.toString())).isEqualTo(FetchboardCommand.FAILED);
    assertThat(out.toString())
        .contains("✔ Telegram chat -100123: 200 ok")
        .contains("✘ Telegram chat 404: 400 Bad Request: chat not found")
        .contains("1 of 2 alert targets took the test message")
        .doesNotContain("CANARY");
    assertThat(texts).hasSize(1);
    assertThat(texts.getFirst()).startsWith("🔔 Test alert from Fetchboard, workspace Jobs");
  }

  @Test
  void alertTestExitsZeroWhenAllTookItAndTwoWithoutAlerts() throws Exception {
    Path ws = workspace(chat("-100123"));
    var test = new AlertTestCommand();
    test.environment = env::get;
    assertThat(execute(test, ws.toString())).isZero();
    Files.writeString(ws, "fetchboard: 1\nname: Empty\n");
    assertThat(execute(new AlertTestCommand(), ws.toString())).isEqualTo(FetchboardCommand.USAGE);
    assertThat(err.toString()).contains("has no alerts: section");
  }

  @Test
  void anUnsetTokenIsToldWithoutStoppingTheRun() throws Exception {
    Path ws = workspace(chat("-100123"));
    var test = new AlertTestCommand();
    test.environment = Map.<String, String>of()::get;
    assertThat(execute(test, ws.toString())).isEqualTo(FetchboardCommand.FAILED);
    assertThat(out.toString())
        .contains(
            "✘ Telegram chat -100123: alerts[0].telegram.token: environment variable TG_BOT_TOKEN"
                + " is not set");
    assertThat(
            FetchboardCommand.execute(
                new String[] {"alert-test", "--help"},
                new PrintWriter(out, true),
                new PrintWriter(err, true)))
        .isZero();
  }
}
