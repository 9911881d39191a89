package dev.fetchboard.engine;

import static dev.fetchboard.testing.RawHttpServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.RawHttpServer;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request is checked once variables are filled in; a bad one names its field and is not sent. */
class HttpRequestChecksTest {
  private static final Map<String, String> ENV =
      Map.of(
          "HN", "B\r\nX-Injected: yes",
          "HV", "ok\r\nX-Injected: yes",
          "NUL", "a\0b-value",
          "SP", "X A",
          "PORT", "999999",
          "ZERO", "0");

  private Engine engine;
  private RawHttpServer server;

  @BeforeEach
  void setUp() throws Exception {
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()), ENV::get);
    server = new RawHttpServer((r, s) -> bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private RunResult run(HttpRequestSpec spec) throws InterruptedException {
    return engine
        .run(Workspace.named("w"), PanelSpec.http("p", "p", spec), e -> {})
        .await()
        .getFirst();
  }

  private void assertRefused(RunResult r, String field) {
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.error().kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(r.error().message()).contains(field).doesNotContain("Exception");
    assertThat(server.requests()).as("nothing is sent").isEmpty();
  }

  @Test
  void aHeaderNameThatTakesLineBreaksFromAVariableIsRefused() throws Exception {
    RunResult r =
        run(HttpRequestSpec.get(server.url("/")).withHeaders(Map.of("X-A${env:HN}", "v")));
    assertRefused(r, "headers");
    assertThat(r.error().message()).doesNotContain("X-Injected");
  }

  @Test
  void aHeaderNameThatIsNotATokenIsRefused() throws Exception {
    assertRefused(
        run(HttpRequestSpec.get(server.url("/")).withHeaders(Map.of("${env:SP}", "v"))), "headers");
  }

  @Test
  void headerValuesWithLineBreaksOrNulFromVariablesAreRefused() throws Exception {
    for (String ref : new String[] {"${env:HV}", "${env:NUL}"}) {
      RunResult r = run(HttpRequestSpec.get(server.url("/")).withHeaders(Map.of("X-V", ref)));
      assertRefused(r, "headers.X-V");
    }
  }

  @Test
  void aUrlWhosePortIsOutOfRangeIsRefusedNamingTheField() throws Exception {
    assertRefused(run(HttpRequestSpec.get("http://127.0.0.1:${env:PORT}/")), "http.url");
    assertRefused(run(HttpRequestSpec.get("http://127.0.0.1:${env:ZERO}/")), "http.url");
  }
}
