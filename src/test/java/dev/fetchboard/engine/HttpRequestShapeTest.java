package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server receives: method, query, headers, body kinds and auth. */
class HttpRequestShapeTest {
  private record Seen(
      String method, String query, Map<String, List<String>> headers, String body) {}

  private final AtomicReference<Seen> seen = new AtomicReference<>();
  private TestHttpServer server;
  private Engine engine;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestHttpServer();
    server.handle(
        "/echo",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.set(
              new Seen(
                  ex.getRequestMethod(),
                  ex.getRequestURI().getRawQuery(),
                  ex.getRequestHeaders(),
                  body));
          TestHttpServer.send(ex, 200, "application/json", "{}");
        });
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new HttpSource()),
            Map.of("PASS", "pa:ss", "TOKEN", "tok")::get);
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private Seen send(HttpRequestSpec spec) throws Exception {
    var r =
        engine
            .run(Workspace.named("w"), PanelSpec.http("p", "p", spec), e -> {})
            .await()
            .getFirst();
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    return seen.get();
  }

  @Test
  void jsonBodyQueryParamsHeadersAndBasicAuthArriveAsWritten() throws Exception {
    var json = new ObjectMapper().readTree("{\"sku\":\"A 1\",\"qty\":2}");
    var spec =
        HttpRequestSpec.get(server.url("/echo"))
            .withMethod("post")
            .withQuery(Map.of("q", "a b&c"))
            .withHeaders(Map.of("X-Trace", "t1"))
            .withBody(BodySpec.json(json))
            .withAuth(AuthSpec.basic("app", "${env:PASS}"));
    Seen s = send(spec);
    assertThat(s.method()).isEqualTo("POST");
    assertThat(s.query()).isEqualTo("q=a%20b%26c");
    assertThat(s.headers().get("X-trace")).containsExactly("t1");
    assertThat(s.headers().get("Content-type")).containsExactly("application/json");
    assertThat(new ObjectMapper().readTree(s.body())).isEqualTo(json);
    String expected =
        "Basic " + Base64.getEncoder().encodeToString("app:pa:ss".getBytes(StandardCharsets.UTF_8));
    assertThat(s.headers().get("Authorization")).containsExactly(expected);
  }

  private static Map<String, String> ordered(String... kv) {
    var m = new java.util.LinkedHashMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void formAndTextBodiesAndBearerTokens() throws Exception {
    Seen form =
        send(
            HttpRequestSpec.get(server.url("/echo"))
                .withMethod("PUT")
                .withBody(BodySpec.form(ordered("a", "1", "b", "x y"))));
    assertThat(form.body()).isEqualTo("a=1&b=x%20y");
    assertThat(form.headers().get("Content-type"))
        .containsExactly("application/x-www-form-urlencoded");
    Seen text =
        send(
            HttpRequestSpec.get(server.url("/echo"))
                .withMethod("POST")
                .withBody(BodySpec.text("text/csv", "a,b\n1,2"))
                .withAuth(AuthSpec.bearer("${env:TOKEN}")));
    assertThat(text.body()).isEqualTo("a,b\n1,2");
    assertThat(text.headers().get("Content-type")).containsExactly("text/csv");
    assertThat(text.headers().get("Authorization")).containsExactly("Bearer tok");
  }
}
