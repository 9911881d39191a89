package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets from ${env:...} never show in what a run reports. */
class SecretRedactionTest {

  /** A source that fails quoting the request, as some libraries do. */
  private static final class QuotingSource implements Source {
    @Override
    public boolean handles(SourceSpec spec) {
      return true;
    }

    @Override
    public SourceOutput run(PanelSpec panel, RunContext context) throws RunFailure {
      String auth = panel.asHttp().orElseThrow().headers().get("X-Api-Key");
      throw new RunFailure(
          new RunError(
              ErrorKind.PROTOCOL, "server rejected key " + auth, "sent X-Api-Key: " + auth),
          false,
          null);
    }

    @Override
    public Duration timeout(PanelSpec panel) {
      return Duration.ofSeconds(5);
    }
  }

  @Test
  void resolvedSecretsAreReplacedByTheirReferencesInErrors() throws Exception {
    var spec =
        HttpRequestSpec.get("http://127.0.0.1:9/x")
            .withHeaders(Map.of("X-Api-Key", "${env:FB_KEY}"));
    var panel = PanelSpec.http("p", "p", spec);
    try (var engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new QuotingSource()),
            Map.of("FB_KEY", "s3cr3t-value")::get)) {
      RunResult r = engine.run(Workspace.named("w"), panel, e -> {}).await().getFirst();
      assertThat(r.error().message()).isEqualTo("server rejected key ${env:FB_KEY}");
      assertThat(r.error().details()).doesNotContain("s3cr3t-value");
    }
  }

  @Test
  void literalSecretsInAuthAndHeadersAreRefusedAtTheirField() {
    var spec =
        HttpRequestSpec.get("http://h/")
            .withHeaders(Map.of("Authorization", "Bearer abc"))
            .withAuth(dev.fetchboard.workspace.AuthSpec.basic("u", "hunter2"));
    var problems =
        new WorkspaceValidator(false)
            .validatePanel(PanelSpec.http("p", "p", spec), Workspace.named("w"));
    assertThat(problems)
        .extracting(dev.fetchboard.workspace.Problem::where)
        .contains("http.headers.Authorization", "http.auth.basic.password");
    assertThat(problems)
        .noneMatch(p -> p.message().contains("hunter2") || p.message().contains("abc"));
  }

  @Test
  void setCookieValuesAreRedactedButNamesStay() {
    assertThat(
            dev.fetchboard.http.HttpSourceAccess.redactCookie("session=abc123; Path=/; HttpOnly"))
        .isEqualTo("session=‹redacted›; Path=/; HttpOnly");
  }
}
