package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.testing.TestHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serve's routes over real HTTP: who may read them, and what each answers. */
class ServeRoutesTest {
  private static final List<String> ROUTES = List.of("/metrics", "/healthz", "/api/panels", "/");

  @TempDir Path dir;
  private TestHttpServer api;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    api = new TestHttpServer().respond("/ok", 200, "application/json", "{\"n\":3}");
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  private Serve serve(AccessRule access) throws Exception {
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(
        ws,
        "fetchboard: 1\nname: T\npanels:\n  - id: ok\n    http: { url: \""
            + api.url("/ok")
            + "\" }\n    view: value\n    value: $.n\n    refresh: 1s\n");
    var settings =
        new ServeSettings(
            ws,
            null,
            ListenAddress.parse("127.0.0.1:0"),
            Duration.ofSeconds(60),
            access,
            8,
            dir.resolve("pg"),
            Duration.ofSeconds(1));
    return Serve.start(
        settings,
        (w, panel, r) -> w.write("{\"panel\":\"" + panel.id() + "\"}\n"),
        ResultHook.NONE,
        log::add);
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicAuthOrBearerTokenGuardsEveryRoute() throws Exception {
    var access =
        AccessRule.of(
            "ops:${env:FB_PASSWORD}",
            "${env:FB_TOKEN}",
            Map.of("FB_PASSWORD", "pässword", "FB_TOKEN", "t0ken")::get);
    try (Serve serve = serve(access)) {
      for (String route : ROUTES) {
        String url = serve.url() + route;
        var none = get(url);
        assertThat(none.statusCode()).as(route).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"fetchboard\""));
        assertThat(get(url, "Authorization", basic("ops", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(url, "Authorization", basic("root", "pässword")).statusCode())
            .isEqualTo(401);
        assertThat(get(url, "Authorization", "Bearer t0kenX").statusCode()).isEqualTo(401);
        assertThat(get(url, "Authorization", basic("ops", "pässword")).statusCode())
            .as(route)
            .isEqualTo(200);
        assertThat(get(url, "Authorization", "Bearer t0ken").statusCode()).as(route).isEqualTo(200);
      }
    }
  }

  @Test
  void secretsComeOnlyFromEnvironmentVariables() {
    Map<String, String> env = Map.of("SET", "x");
    assertThatThrownBy(() -> AccessRule.of("ops:hunter2", null, env::get))
        .hasMessageContaining("--basic-auth")
        .hasMessageContaining("${env:NAME}")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> AccessRule.of(null, "hunter2", env::get))
        .hasMessageContaining("--bearer-token")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> AccessRule.of(null, "${env:UNSET}", env::get))
        .hasMessageContaining("UNSET is not set");
    assertThatThrownBy(() -> AccessRule.of("${env:SET}", null, env::get))
        .hasMessageContaining("USER:${env:NAME}");
    assertThat(AccessRule.of(null, null, env::get)).isNull();
  }

  @Test
  void metricsSpeakTheTextFormatOrOpenMetricsAsAsked() throws Exception {
    try (Serve serve = serve(null)) {
      String url = serve.url() + "/metrics";
      var text = get(url);
      assertThat(text.statusCode()).isEqualTo(200);
      assertThat(text.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertThat(text.body()).contains("fetchboard_build_info").doesNotContain("# EOF");

      var open = get(url, "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
      assertThat(open.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/openmetrics-text");
      assertThat(open.body()).contains("# TYPE fetchboard_build info").endsWith("# EOF\n");
    }
  }

  @Test
  void healthAndLatestResultsAnswerOnTheirPathsOnly() throws Exception {
    try (Serve serve = serve(null)) {
      assertThat(get(serve.url() + "/healthz").body()).isEqualTo("ok\n");
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String panels = "";
      while (panels.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(100);
        panels = get(serve.url() + "/api/panels").body();
      }
      assertThat(panels).isEqualTo("{\"panel\":\"ok\"}\n");
      assertThat(get(serve.url() + "/metricsfoo").statusCode()).isEqualTo(404);
      assertThat(get(serve.url() + "/api/panels/x").statusCode()).isEqualTo(404);
      var post =
          http.send(
              HttpRequest.newBuilder(URI.create(serve.url() + "/metrics"))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void listensOnThisMachineUnlessEveryInterfaceIsWrittenOut() {
    assertThat(ListenAddress.DEFAULT.host()).isEqualTo("127.0.0.1");
    assertThat(ListenAddress.DEFAULT.everyInterface()).isFalse();
    assertThat(ListenAddress.parse(":9500")).isEqualTo(new ListenAddress("127.0.0.1", 9500));
    assertThat(ListenAddress.parse("0.0.0.0:9464").everyInterface()).isTrue();
    assertThat(ListenAddress.parse("[::]:9464").everyInterface()).isTrue();
    assertThat(ListenAddress.parse("[::1]:9464").url(9464)).isEqualTo("http://[::1]:9464");
    assertThatThrownBy(() -> ListenAddress.parse("9464")).hasMessageContaining("needs a port");
    assertThatThrownBy(() -> ListenAddress.parse("::1:9464")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:99999"))
        .hasMessageContaining("between 0 and 65535");
  }
}
