package dev.fetchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code alerts:} section of a workspace file: read, checked where it is written, saved. */
class AlertsSectionTest {
  private final WorkspaceFile files = new WorkspaceFile();

  private static final String HEAD =
      """
      fetchboard: 1
      name: Shop
      panels:
        - id: orders-api
          http:
            url: http://127.0.0.1:8080/orders
        - id: queue-depth
          http:
            url: http://127.0.0.1:8080/queue
      """;

  @Test
  void theIssuesExampleReadsAsWritten() throws Exception {
    Workspace ws =
        files.parse(
            HEAD
                + """
                alerts:
                  - on: [failed, checkFailed, recovered]
                    panels: [orders-api, queue-depth]
                    telegram:
                      token: ${env:TG_BOT_TOKEN}
                      chat: "-100123456"
                  - slack:
                      webhook: ${env:SLACK_WEBHOOK}
                    minInterval: 5m
                  - webhook:
                      url: https://hooks.example.com/fetchboard
                      headers:
                        X-Key: ${env:HOOK_KEY}
                  - on: [recovered]
                    teams: { webhook: "${env:TEAMS_WEBHOOK}" }
                """,
            null);
    assertThat(ws.alerts()).hasSize(4);
    AlertSpec tg = ws.alerts().get(0);
    assertThat(tg.triggers())
        .containsExactly(AlertTrigger.FAILED, AlertTrigger.CHECK_FAILED, AlertTrigger.RECOVERED);
    assertThat(tg.panels()).containsExactly("orders-api", "queue-depth");
    assertThat(tg.telegram().chat()).isEqualTo("-100123456");
    assertThat(tg.telegram().apiBaseOrDefault()).isEqualTo("https://api.telegram.org");
    assertThat(tg.minIntervalOrDefault()).isEqualTo(Duration.ofMinutes(1));
    AlertSpec slack = ws.alerts().get(1);
    assertThat(slack.triggers()).as("default: all three").hasSize(3);
    assertThat(slack.minIntervalOrDefault()).isEqualTo(Duration.ofMinutes(5));
    assertThat(ws.alerts().get(2).webhook().headers())
        .isEqualTo(Map.of("X-Key", "${env:HOOK_KEY}"));
    assertThat(ws.alerts().get(3).triggers()).containsExactly(AlertTrigger.RECOVERED);
    assertThat(ws.alerts().get(3).teams().webhook()).isEqualTo("${env:TEAMS_WEBHOOK}");
  }

  @Test
  void aSaveWritesTheAlertsBackAndAWorkspaceWithoutThemWritesNone() throws Exception {
    String text =
        HEAD
            + """
            alerts:
              - on: [checkFailed]
                minInterval: 30s
                telegram:
                  token: ${env:TG}
                  chat: "42"
                  apiBase: http://127.0.0.1:9/
            """;
    Workspace ws = files.parse(text, null);
    String saved = files.toYaml(ws);
    assertThat(files.parse(saved, null)).isEqualTo(ws);
    assertThat(saved).contains("checkFailed").contains("minInterval: 30s");
    assertThat(files.toYaml(ws.withAlerts(List.of()))).doesNotContain("alerts");
    // Edits elsewhere keep the alerts.
    assertThat(ws.withName("Other").withPanels(ws.panels()).alerts()).isEqualTo(ws.alerts());
  }

  @Test
  void aLiteralBotTokenIsRefusedWhereItIsWritten() {
    assertThatThrownBy(
            () ->
                files.parse(
                    HEAD
                        + """
                        alerts:
                          - telegram:
                              token: 123456:ABC-literal-token
                              chat: "-100"
                        """,
                    null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("line 12, column 7")
        .hasMessageContaining("alerts[0].telegram.token")
        .hasMessageContaining("${env:TG_BOT_TOKEN}");
  }

  @Test
  void literalWebhookSecretsAreRefusedAndPlainOnesAreNot() {
    assertThatThrownBy(
            () ->
                files.parse(
                    HEAD
                        + """
                        alerts:
                          - slack:
                              webhook: https://hooks.slack.com/services/T0/B0/secret
                          - webhook:
                              url: https://hooks.example.com/x
                              headers:
                                Content-Type: application/json
                                X-Api-Key: plain-key
                        """,
                    null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("line 12, column 7: alerts[0].slack.webhook")
        .hasMessageContaining("alerts[1].webhook.headers.X-Api-Key")
        .hasMessageNotContaining("Content-Type");
  }

  @Test
  void mistakesAreNamedAtTheirField() {
    assertThatThrownBy(
            () ->
                files.parse(
                    HEAD
                        + """
                        alerts:
                          - panels: [orders-api, nope]
                            telegram: { token: "${env:T}", chat: "1" }
                            slack: { webhook: "${env:S}" }
                          - webhook: { url: "ftp://x" }
                            minInterval: 25h
                        """,
                    null))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("alerts[0]: an alert has exactly one of telegram:")
        .hasMessageContaining(
            "alerts[0].panels[1]: no panel with id 'nope' (known: orders-api, queue-depth)")
        .hasMessageContaining("alerts[1].webhook.url: only http and https")
        .hasMessageContaining("alerts[1].minInterval: minInterval can be at most 24h");
  }

  @Test
  void anUnknownEventOrKeyIsNamedWithWhatIsKnown() {
    assertThatThrownBy(
            () ->
                files.parse(
                    HEAD
                        + """
                        alerts:
                          - on: [failed, exploded]
                            slack: { webhook: "${env:S}" }
                        """,
                    null))
        .hasMessageContaining("line 11, column 18: alerts[0].on[1]")
        .hasMessageContaining("unknown alert event 'exploded'")
        .hasMessageContaining("failed, checkFailed, recovered");
    assertThatThrownBy(
            () ->
                files.parse(
                    HEAD
                        + """
                        alerts:
                          - telegrm: { token: "${env:T}", chat: "1" }
                        """,
                    null))
        .hasMessageContaining("line 11")
        .hasMessageContaining("did you mean 'telegram'?");
  }
}
