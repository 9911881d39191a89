package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A load probe's error summary shows no secret, as a single run's error does not. */
class RepeatRedactionTest {

  @Test
  void theErrorsSummaryShowsReferencesNotSecretsAndHidesCredentialsInUrls() throws Exception {
    try (var server = new TestHttpServer()) {
      // A redirect loop whose message quotes the last Location: the request's own query, and a
      // Location with credentials in it.
      server.handle(
          "/loop",
          ex -> {
            ex.getResponseHeaders().set("Location", ex.getRequestURI().toString());
            ex.sendResponseHeaders(302, -1);
          });
      server.handle(
          "/away",
          ex -> {
            ex.getResponseHeaders()
                .set("Location", server.url("/away?x=1").replace("//", "//admin:hunter22@"));
            ex.sendResponseHeaders(302, -1);
          });
      var secret =
          PanelSpec.http(
              "secret", "secret", HttpRequestSpec.get(server.url("/loop?token=${env:FB_TOKEN}")));
      var creds = PanelSpec.http("creds", "creds", HttpRequestSpec.get(server.url("/away")));
      try (var engine =
          new Engine(
              EngineConfig.DEFAULT,
              List.of(new HttpSource()),
              Map.of("FB_TOKEN", "sekrit-token-123")::get)) {
        Workspace ws = Workspace.named("w");
        RepeatResult r = engine.repeat(ws, secret, 3, 2);
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.errors().keySet())
            .isNotEmpty()
            .allSatisfy(k -> assertThat(k).doesNotContain("sekrit").contains("${env:FB_TOKEN}"));
        RepeatResult c = engine.repeat(ws, creds, 2, 1);
        assertThat(c.errors().keySet())
            .isNotEmpty()
            .allSatisfy(k -> assertThat(k).doesNotContain("hunter22"));
      }
    }
  }
}
