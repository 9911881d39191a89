package dev.fetchboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.alerts.FakeTarget.Answer;
import dev.fetchboard.alerts.PanelSwitch.Next;
import dev.fetchboard.workspace.Workspace;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leave through alerts' own words: not in a log line, not in an error, not in a
 * target's answer — even when a hostile target echoes the token back.
 */
class AlertSecretsTest {
  private static final String TOKEN = "987654:CANARY-telegram-token";
  private static final String KEY = "CANARY-header-key";

  @Test
  void noCanaryInLogsErrorsOrAnswersWhateverTheTargetsSay() throws Exception {
    int closedPort;
    try (var s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (var panel = new PanelSwitch();
        var echo = new FakeTarget();
        var logs = new LogCapture()) {
      // A target that repeats the request back in its errors: path, key and all.
      echo.answering(n -> new Answer(n % 2 == 0 ? 500 : 401, Map.of(), "echo"));
      var echoing = new EchoingAnswers(echo);
      echo.answering(echoing::answer);
      Workspace ws =
          panel.workspace(
              """
              alerts:
                - telegram: { token: "${env:TG}", chat: "-1", apiBase: "%s" }
                - telegram: { token: "${env:TG}", chat: "-2", apiBase: "http://127.0.0.1:%d" }
                - slack: { webhook: "${env:SLACK}" }
                - webhook:
                    url: "%s"
                    headers: { X-Key: "${env:KEY}" }
                - webhook: { url: "${env:HOOK_URL}" }
                - teams: { webhook: "${env:UNSET_TEAMS}" }
              """
                  .formatted(echo.base(), closedPort, echo.url("/hook")));
      var env =
          Map.of(
              "TG",
              TOKEN,
              "SLACK",
              echo.url("/services/T0/CANARY-slack"),
              "KEY",
              KEY,
              "HOOK_URL",
              echo.url("/h?token=CANARY-in-query"));
      var said = new ArrayList<String>();
      try (Alerts alerts =
          Alerts.forWorkspace(
              ws,
              env::get,
              new Alerts.Tuning(100, 2, Duration.ofSeconds(5), d -> {}, InstantSource.system()))) {
        alerts.addListener(e -> said.add(String.valueOf(e)));
        alerts.onResult(panel.run(ws, Next.FAILED));
        for (TargetAnswer a : alerts.sendTest()) {
          said.add(a.toString());
        }
        alerts.problems().forEach(p -> said.add(p.toString()));
      }
      assertThat(echo.received).as("the targets were reached").isNotEmpty();
      assertThat(echoing.echoed).as("and answered with the secrets in them").isNotEmpty();
      List<String> everything = new ArrayList<>(logs.lines());
      everything.addAll(said);
      assertThat(everything).isNotEmpty().noneMatch(line -> line.contains("CANARY"));
      assertThat(String.join("\n", logs.lines()))
          .contains("${env:TG}")
          .contains("Telegram chat -2")
          .contains("connection refused");
      assertThat(said).anyMatch(s -> s.contains("UNSET_TEAMS is not set"));
    }
  }

  /** Answers with an error that repeats the request's path, query and key header. */
  private static final class EchoingAnswers {
    private final FakeTarget target;
    final List<String> echoed = new java.util.concurrent.CopyOnWriteArrayList<>();

    EchoingAnswers(FakeTarget target) {
      this.target = target;
    }

    Answer answer(int n) {
      var r = target.received.get(n);
      String text =
          "{\"ok\":false,\"description\":\"no such path "
              + r.path()
              + " key "
              + r.header("X-key")
              + "\"}";
      if (text.contains("CANARY")) {
        echoed.add(text);
      }
      return new Answer(n % 2 == 0 ? 500 : 401, Map.of(), text);
    }
  }
}
