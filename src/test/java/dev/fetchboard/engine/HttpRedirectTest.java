package dev.fetchboard.engine;

import static dev.fetchboard.testing.Payloads.http;
import static dev.fetchboard.testing.RawHttpServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.RawHttpServer;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects are followed as curl and browsers do: credentials and bodies stay with their origin.
 */
class HttpRedirectTest {
  private static final Map<String, String> ENV =
      Map.of(
          "TOKEN", "bearer-s3cret",
          "COOKIE", "session=c00kie",
          "KEY", "k3y-value",
          "TENANT", "tenant-s3cret",
          "PASS", "basic-pa55");

  private Engine engine;
  private RawHttpServer target;

  @BeforeEach
  void setUp() throws Exception {
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()), ENV::get);
    target = new RawHttpServer((r, s) -> ok("target saw " + r.method() + " " + r.target()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    target.close();
  }

  private static byte[] ok(String body) {
    return bytes(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body);
  }

  private static byte[] redirect(int status, String location) {
    return bytes(
        "HTTP/1.1 " + status + " Moved\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
  }

  private RunResult run(HttpRequestSpec spec) throws InterruptedException {
    return engine
        .run(Workspace.named("w"), PanelSpec.http("p", "p", spec), e -> {})
        .await()
        .getFirst();
  }

  private static HttpRequestSpec withCredentials(HttpRequestSpec spec) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Cookie", "${env:COOKIE}");
    headers.put("X-Api-Key", "${env:KEY}");
    headers.put("X-Tenant", "${env:TENANT}");
    headers.put("X-Trace", "trace-1");
    return spec.withHeaders(headers).withAuth(new AuthSpec(null, "${env:TOKEN}"));
  }

  @Test
  void a302ToAnotherOriginDropsBearerCookieAndKeyHeaders() throws Exception {
    try (var origin = new RawHttpServer((r, s) -> redirect(302, target.url("/landed")))) {
      RunResult r = run(withCredentials(HttpRequestSpec.get(origin.url("/start"))));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(http(r).body()).isEqualTo("target saw GET /landed");
      assertThat(origin.requests().getFirst().header("authorization"))
          .isEqualTo("Bearer bearer-s3cret");
      var landed = target.requests().getFirst();
      assertThat(landed.header("authorization")).isNull();
      assertThat(landed.header("cookie")).isNull();
      assertThat(landed.header("x-api-key")).isNull();
      assertThat(landed.header("x-tenant")).as("a header whose value came from ${env:}").isNull();
      assertThat(landed.header("x-trace")).isEqualTo("trace-1");
      assertThat(r.notice()).contains("redirected to " + target.url("/landed"));
    }
  }

  @Test
  void aRedirectWithinTheOriginKeepsCredentials() throws Exception {
    var origin =
        new RawHttpServer(
            (r, s) ->
                r.target().equals("/start") ? redirect(301, "/next") : ok("own " + r.target()));
    try (origin) {
      RunResult r = run(withCredentials(HttpRequestSpec.get(origin.url("/start"))));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(http(r).body()).isEqualTo("own /next");
      var second = origin.requests().get(1);
      assertThat(second.header("authorization")).isEqualTo("Bearer bearer-s3cret");
      assertThat(second.header("cookie")).isEqualTo("session=c00kie");
      assertThat(second.header("x-tenant")).isEqualTo("tenant-s3cret");
    }
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostIsAnotherOrigin() throws Exception {
    String sameHostOtherPort = "http://localhost:" + target.port() + "/landed";
    try (var origin = new RawHttpServer((r, s) -> redirect(302, sameHostOtherPort))) {
      RunResult r = run(withCredentials(HttpRequestSpec.get(origin.url("/start"))));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(target.requests().getFirst().header("authorization")).isNull();
    }
  }

  @Test
  void a307PostWithBasicAuthIsNotResentToAnotherOrigin() throws Exception {
    try (var origin = new RawHttpServer((r, s) -> redirect(307, target.url("/steal")))) {
      var spec =
          HttpRequestSpec.get(origin.url("/orders"))
              .withMethod("POST")
              .withBody(new BodySpec(null, "card=4111", null, null))
              .withAuth(new AuthSpec(new AuthSpec.Basic("app", "${env:PASS}"), null));
      RunResult r = run(spec);
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.error().message())
          .contains("307")
          .contains("another origin")
          .contains("127.0.0.1:" + target.port())
          .doesNotContain("Exception");
      assertThat(target.requests()).isEmpty();
      assertThat(origin.requests()).hasSize(1);
    }
  }

  @Test
  void a307Or308WithinTheOriginKeepsMethodAndBody() throws Exception {
    for (int status : new int[] {307, 308}) {
      var origin =
          new RawHttpServer(
              (r, s) ->
                  r.target().equals("/a")
                      ? redirect(status, "/b")
                      : ok(r.method() + " " + r.bodyText()));
      try (origin) {
        var spec =
            HttpRequestSpec.get(origin.url("/a"))
                .withMethod("PUT")
                .withBody(new BodySpec(null, "payload", null, null));
        RunResult r = run(spec);
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        assertThat(http(r).body()).isEqualTo("PUT payload");
      }
    }
  }

  @Test
  void a303AndA302AfterPostBecomeGetWithoutABody() throws Exception {
    for (int status : new int[] {301, 302, 303}) {
      var origin =
          new RawHttpServer(
              (r, s) ->
                  r.target().equals("/a")
                      ? redirect(status, "/b")
                      : ok(
                          r.method()
                              + " ["
                              + r.bodyText()
                              + "] "
                              + r.header("content-type")
                              + " "
                              + r.header("content-length")));
      try (origin) {
        var spec =
            HttpRequestSpec.get(origin.url("/a"))
                .withMethod("POST")
                .withBody(new BodySpec(null, "payload", null, null));
        RunResult r = run(spec);
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        assertThat(http(r).body()).as("after " + status).startsWith("GET [] null");
      }
    }
  }

  @Test
  void nonHttpLocationsAreRefusedByName() throws Exception {
    for (String location : new String[] {"file:///etc/passwd", "gopher://127.0.0.1:70/1"}) {
      try (var origin = new RawHttpServer((r, s) -> redirect(302, location))) {
        RunResult r = run(HttpRequestSpec.get(origin.url("/")));
        String scheme = location.substring(0, location.indexOf(':'));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.error().message())
            .contains("redirect to a " + scheme + ": URL is not followed")
            .doesNotContain("too many redirects");
      }
    }
  }

  @Test
  void anUnparsableLocationSaysSo() throws Exception {
    try (var origin = new RawHttpServer((r, s) -> redirect(302, "http://exa mple.com/%%zz"))) {
      RunResult r = run(HttpRequestSpec.get(origin.url("/")));
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.error().message())
          .contains("Location")
          .contains("not a valid URL")
          .doesNotContain("too many redirects");
    }
  }

  @Test
  void fiveHopsAreFollowedASixthIsTooMany() throws Exception {
    var chain =
        new RawHttpServer(
            (r, s) -> {
              int n = Integer.parseInt(r.target().substring(1));
              return n < 5 ? redirect(302, "/" + (n + 1)) : ok("hop " + n);
            });
    try (chain) {
      RunResult r = run(HttpRequestSpec.get(chain.url("/0")));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(http(r).body()).isEqualTo("hop 5");
      RunResult tooMany = run(HttpRequestSpec.get(chain.url("/-1")));
      assertThat(tooMany.error().message()).contains("too many redirects");
    }
  }

  @Test
  void aRedirectIsReturnedAsIsWhenThePanelDoesNotFollow() throws Exception {
    try (var origin = new RawHttpServer((r, s) -> redirect(302, target.url("/x")))) {
      RunResult r = run(HttpRequestSpec.get(origin.url("/")).withFollowRedirects(false));
      assertThat(http(r).status()).isEqualTo(302);
      assertThat(target.requests()).isEmpty();
    }
  }
}
