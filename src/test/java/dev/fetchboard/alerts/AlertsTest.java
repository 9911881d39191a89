package dev.fetchboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.alerts.FakeTarget.Answer;
import dev.fetchboard.alerts.PanelSwitch.Next;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts end to end against fake Telegram, Slack, Teams and webhook servers on 127.0.0.1. */
class AlertsTest {
  private static final String TOKEN = "123456:CANARY-bot-token-never-shown";
  private final PanelSwitch panel = new PanelSwitch();
  private final FakeTarget target = new FakeTarget();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Map<String, String> env = Map.of("TG_TOKEN", TOKEN, "HOOK_KEY", "CANARY-hook-key");

  AlertsTest() throws Exception {}

  @AfterEach
  void stop() {
    target.close();
    panel.close();
  }

  private Alerts alerts(Workspace ws) {
    return Alerts.forWorkspace(
        ws,
        env::get,
        new Alerts.Tuning(
            100, 5, Duration.ofSeconds(5), d -> waits.add(d), InstantSource.system()));
  }

  private String telegram(String extra) {
    return """
        alerts:
          - telegram:
              token: ${env:TG_TOKEN}
              chat: "-100123"
              apiBase: %s
        %s"""
        .formatted(target.base(), extra);
  }

  @Test
  void steadyStateSendsNothingAFailureOneMessageAndTheRecoveryOne() throws Exception {
    Workspace ws = panel.workspace(telegram("    minInterval: 0s\n"));
    try (Alerts alerts = alerts(ws)) {
      for (Next n : List.of(Next.OK, Next.OK, Next.FAILED, Next.FAILED, Next.OK, Next.OK)) {
        alerts.onResult(panel.run(ws, n));
      }
    }
    assertThat(target.received).hasSize(2);
    var failed = target.received.get(0);
    assertThat(failed.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    assertThat(failed.json().get("chat_id").asText()).isEqualTo("-100123");
    assertThat(failed.json().get("text").asText())
        .startsWith("🔴 Queue depth failed\n")
        .contains("larger than the 1 KB cap")
        .contains("panel queue-depth · workspace Shop");
    assertThat(target.received.get(1).json().get("text").asText())
        .startsWith("✅ Queue depth recovered (was failed)\nvalue: 5\n");
  }

  @Test
  void aFailedCheckSaysWhichCheckAndWhatWasSeen() throws Exception {
    Workspace ws = panel.workspace(telegram("    on: [checkFailed]\n"));
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.OK));
      alerts.onResult(panel.run(ws, Next.CHECK_FAILED));
      alerts.onResult(panel.run(ws, Next.OK));
    }
    assertThat(target.received).as("only checkFailed was asked for").hasSize(1);
    assertThat(target.received.getFirst().json().get("text").asText())
        .startsWith("🟠 Queue depth: a check failed\n")
        .contains("check failed:")
        .contains("5000")
        .contains("value: 5000");
  }

  @Test
  void alertsForOtherPanelsOnlyDoNotFireForThisOne() throws Exception {
    String yaml =
        panel.panelsYaml()
            + """
              - id: other
                http: { url: "http://127.0.0.1:9/x" }
            alerts:
              - panels: [other]
                telegram: { token: "${env:TG_TOKEN}", chat: "1", apiBase: "%s" }
            """
                .formatted(target.base());
    Workspace ws = new dev.fetchboard.workspace.WorkspaceFile().parse(yaml, null);
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.OK));
      alerts.onResult(panel.run(ws, Next.FAILED));
    }
    assertThat(target.received).isEmpty();
  }

  @Test
  void a429WithRetryAfterIsTriedAgainAfterTheWaitTelegramAsked() throws Exception {
    target.answering(
        n ->
            n == 0
                ? new Answer(
                    429,
                    Map.of(),
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry"
                        + " after 7\",\"parameters\":{\"retry_after\":7}}")
                : Answer.ok());
    Workspace ws = panel.workspace(telegram(""));
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.FAILED));
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(target.received).hasSize(2);
    assertThat(target.received.get(1).body()).isEqualTo(target.received.get(0).body());
  }

  @Test
  void a503WithRetryAfterHeaderAndThenA500AreTriedAgainWithBackoff() throws Exception {
    target.answering(
        n ->
            switch (n) {
              case 0 -> new Answer(503, Map.of("Retry-After", "3"), "busy");
              case 1 -> new Answer(500, Map.of(), "oops");
              default -> new Answer(200, Map.of(), "ok");
            });
    Workspace ws =
        panel.workspace(
            """
            alerts:
              - slack: { webhook: "${env:SLACK}" }
            """);
    try (Alerts alerts =
        Alerts.forWorkspace(
            ws,
            Map.of("SLACK", target.url("/services/T0/B0/CANARY"))::get,
            new Alerts.Tuning(
                100, 5, Duration.ofSeconds(5), d -> waits.add(d), InstantSource.system()))) {
      alerts.onResult(panel.run(ws, Next.CHECK_FAILED));
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
    assertThat(target.received).hasSize(3);
    assertThat(target.received.getLast().json().get("text").asText())
        .startsWith("🟠 Queue depth: a check failed");
  }

  @Test
  void aRefusalIsNotTriedAgain() throws Exception {
    target.answering(
        n ->
            new Answer(
                400,
                Map.of(),
                "{\"ok\":false,\"error_code\":400,\"description\":\"chat not found\"}"));
    Workspace ws = panel.workspace(telegram(""));
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.FAILED));
    }
    assertThat(target.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aFlappingPanelSendsOneMessageThenOneSummaryOfWhatWasHeldBack() throws Exception {
    Workspace ws = panel.workspace(telegram("    minInterval: 1s\n"));
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.OK));
      for (int i = 0; i < 3; i++) {
        alerts.onResult(panel.run(ws, Next.FAILED));
        alerts.onResult(panel.run(ws, Next.OK));
      }
      assertThat(target.await(2)).hasSize(2);
    }
    assertThat(target.received).as("nothing more once the summary is sent").hasSize(2);
    assertThat(target.received.get(0).json().get("text").asText())
        .startsWith("🔴 Queue depth failed");
    assertThat(target.received.get(1).json().get("text").asText())
        .startsWith(
            "🔁 Queue depth changed 5 more times while messages were held back (at most one per 1"
                + " s): recovered, failed, recovered, failed, recovered\nnow: OK");
  }

  @Test
  void theWebhookGetsTheDocumentedPayloadAndItsHeaders() throws Exception {
    Workspace ws =
        panel.workspace(
            """
            alerts:
              - webhook:
                  url: %s
                  headers:
                    X-Key: ${env:HOOK_KEY}
                minInterval: 0s
            """
                .formatted(target.url("/hook")));
    try (Alerts alerts = alerts(ws)) {
      alerts.onResult(panel.run(ws, Next.OK));
      alerts.onResult(panel.run(ws, Next.CHECK_FAILED));
      alerts.onResult(panel.run(ws, Next.OK));
    }
    assertThat(target.received).hasSize(2);
    var first = target.received.get(0);
    assertThat(first.header("X-key")).isEqualTo("CANARY-hook-key");
    assertThat(first.header("Content-type")).startsWith("application/json");
    var json = first.json();
    assertThat(json.get("event").asText()).isEqualTo("checkFailed");
    assertThat(json.get("panel").asText()).isEqualTo("queue-depth");
    assertThat(json.get("title").asText()).isEqualTo("Queue depth");
    assertThat(json.get("outcome").asText()).isEqualTo("checkFailed");
    assertThat(json.get("previousOutcome").asText()).isEqualTo("ok");
    assertThat(json.get("message").asText()).contains("check failed");
    assertThat(json.get("value").asInt()).isEqualTo(5000);
    assertThat(json.get("latencyMs").isIntegralNumber()).isTrue();
    assertThat(java.time.Instant.parse(json.get("time").asText())).isNotNull();
    assertThat(json.get("workspace").asText()).isEqualTo("Shop");
    var second = target.received.get(1).json();
    assertThat(second.get("event").asText()).isEqualTo("recovered");
    assertThat(second.get("previousOutcome").asText()).isEqualTo("checkFailed");
    assertThat(second.get("message").isNull()).isTrue();
  }

  @Test
  void slackGetsTextAndTeamsAnAdaptiveCard() throws Exception {
    Workspace ws =
        panel.workspace(
            """
            alerts:
              - slack: { webhook: "${env:SLACK}" }
              - teams: { webhook: "${env:TEAMS}" }
            """);
    var urls = Map.of("SLACK", target.url("/slack"), "TEAMS", target.url("/teams"));
    try (Alerts alerts = Alerts.forWorkspace(ws, urls::get)) {
      alerts.onResult(panel.run(ws, Next.FAILED));
    }
    var byPath = new java.util.HashMap<String, FakeTarget.Received>();
    target.received.forEach(r -> byPath.put(r.path(), r));
    assertThat(byPath.get("/slack").json().get("text").asText())
        .startsWith("🔴 Queue depth failed");
    var card = byPath.get("/teams").json().get("attachments").get(0);
    assertThat(card.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.at("/content/body/0/text").asText()).startsWith("🔴 Queue depth failed");
  }

  @Test
  void aSlowTargetDelaysNoRunAndAFullQueueDropsAndCounts() throws Exception {
    target.closedGate();
    Workspace ws = panel.workspace(telegram("    minInterval: 0s\n"));
    var seen = new CopyOnWriteArrayList<AlertEvent>();
    try (Alerts alerts =
        Alerts.forWorkspace(
            ws,
            env::get,
            new Alerts.Tuning(2, 1, Duration.ofSeconds(30), d -> {}, InstantSource.system()))) {
      alerts.addListener(seen::add);
      int runs = 0;
      for (int i = 0; i < 4; i++) {
        alerts.onResult(panel.run(ws, Next.FAILED));
        alerts.onResult(panel.run(ws, Next.OK));
        runs += 2;
      }
      // Every run finished and was handed over while the target had not answered once.
      assertThat(runs).isEqualTo(8);
      assertThat(target.await(1)).hasSize(1);
      assertThat(seen).hasSize(8);
      // One in flight, two queued: the other five were dropped and counted.
      assertThat(alerts.dropped()).isEqualTo(5);
      target.open();
    }
    assertThat(target.received).hasSize(3);
  }

  @Test
  void theTestMessageReportsEachTargetsAnswer() throws Exception {
    target.answering(
        n -> n == 0 ? Answer.ok() : new Answer(404, Map.of(), "no_service\nsecond line"));
    Workspace ws =
        panel.workspace(
            telegram(
                """
                  - slack: { webhook: "${env:SLACK}" }
                  - webhook: { url: "${env:NOT_SET}" }
                """));
    var withSlack = new java.util.HashMap<>(env);
    withSlack.put("SLACK", target.url("/slack/CANARY"));
    List<TargetAnswer> answers;
    try (Alerts alerts = Alerts.forWorkspace(ws, withSlack::get)) {
      answers = alerts.sendTest();
    }
    assertThat(answers)
        .containsExactly(
            new TargetAnswer("Telegram chat -100123", true, "200 ok"),
            new TargetAnswer("Slack webhook ${env:SLACK}", false, "404 no_service"),
            new TargetAnswer(
                "webhook ${env:NOT_SET}",
                false,
                "alerts[2].webhook.url: environment variable NOT_SET is not set (referenced as"
                    + " ${env:NOT_SET})"));
    assertThat(target.received.getFirst().json().get("text").asText())
        .startsWith("🔔 Test alert from Fetchboard, workspace Shop");
  }
}
