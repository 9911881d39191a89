package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.testing.TestHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way, with the real parts: {@code fetchboard serve} in its own JVM on a workspace of an
 * HTTP panel (a test server), a SQL panel (a real PostgreSQL) and a slow panel; {@code promtool}
 * lints its /metrics; Debian's Prometheus scrapes it every second and answers queries for the
 * panels' up and duration histogram; SIGTERM stops it, cancelling the run in flight.
 */
class ServePrometheusTest {
  private static final String CANARY = "canary-5ecret-7f3a9";
  private static final Duration PATIENCE = Duration.ofSeconds(150);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prometheusScrapesThePanelsAndSigtermCancelsTheRunInFlight() throws Exception {
    var canaryHeadersSeen = new AtomicInteger();
    var slowEntered = new CountDownLatch(1);
    try (var api = new TestHttpServer()) {
      api.handle(
          "/health",
          ex -> {
            if (CANARY.equals(ex.getRequestHeaders().getFirst("X-Token"))) {
              canaryHeadersSeen.incrementAndGet();
            }
            TestHttpServer.send(ex, 200, "application/json", "{\"status\":\"ok\",\"n\":42}");
          });
      api.handle(
          "/slow",
          ex -> {
            slowEntered.countDown();
            try {
              Thread.sleep(120_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            TestHttpServer.send(ex, 200, "text/plain", "late");
          });
      Path ws = dir.resolve("team.yaml");
      Files.writeString(
          ws,
          """
          fetchboard: 1
          name: Team "health"
          environment: local
          environments:
            local: { api: "%s" }
          connections:
            db: { url: "postgresql://postgres@127.0.0.1:%d/postgres" }
          panels:
            - id: health
              title: API "health" \\ check
              http:
                url: ${api}/health?key=${env:FB_CANARY}
                headers: { X-Token: "${env:FB_CANARY}" }
              view: value
              value: $.n
              refresh: 1s
              checks:
                - status: 200
            - id: orders
              title: Orders (SQL)
              sql: { connection: db, query: "select 7 as n" }
              view: value
              refresh: 1s
            - id: slow
              title: Slow
              http: { url: "${api}/slow", timeout: 5m }
              refresh: 1s
          """
              .formatted(api.url(""), TestDatabase.port()));
      try (var serve =
          ServeProcess.start(
              Map.of("FB_CANARY", CANARY), "serve", ws.toString(), "--listen", "127.0.0.1:0")) {
        String base = serve.awaitUrl(PATIENCE);

        String metrics =
            awaitMetrics(base, "fetchboard_panel_up{kind=\"sql\",panel=\"orders\"", serve);
        metrics = awaitMetrics(base, "fetchboard_panel_value{panel=\"health\"} 42.0", serve);
        assertThat(canaryHeadersSeen).as("the secret was really sent").hasPositiveValue();
        assertThat(metrics)
            .doesNotContain(CANARY)
            .contains("fetchboard_panel_value{panel=\"orders\"} 7.0")
            .contains("fetchboard_build_info{version=")
            .contains("jvm_memory_used_bytes")
            // The title's quote and backslash, escaped as the text format wants.
            .contains("title=\"API \\\"health\\\" \\\\ check\"");
        assertThat(promtoolCheckMetrics(metrics)).isEqualTo("");

        String panels = get(base + "/api/panels").body();
        assertThat(panels).doesNotContain(CANARY);
        var mapper = new ObjectMapper();
        List<JsonNode> lines = panels.lines().map(l -> read(mapper, l)).toList();
        assertThat(lines).extracting(l -> l.get("panel").asText()).contains("health", "orders");
        assertThat(lines.getFirst().has("elapsedMs")).isTrue();

        String hostPort = URI.create(base).getAuthority();
        try (var prometheus = Prometheus.scraping(hostPort, dir)) {
          awaitSeries(prometheus, "fetchboard_panel_up{panel=\"health\"} == 1");
          awaitSeries(prometheus, "fetchboard_panel_up{panel=\"orders\", kind=\"sql\"} == 1");
          awaitSeries(prometheus, "fetchboard_panel_duration_seconds_bucket{panel=\"health\"}");
          awaitSeries(prometheus, "fetchboard_panel_runs_total{panel=\"orders\",outcome=\"ok\"}");
        }

        assertThat(slowEntered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(serve.terminate(Duration.ofSeconds(60)))
            .as("serve ends on SIGTERM; its output:\n%s", serve.output())
            .isNotEqualTo(-1);
        assertThat(serve.output()).contains("fetchboard serve: stopped");
        Matcher cancelled =
            Pattern.compile("cancelled (\\d+) runs? in flight").matcher(serve.output());
        assertThat(cancelled.find()).as(serve.output()).isTrue();
        assertThat(Integer.parseInt(cancelled.group(1))).isPositive();
      }
    }
  }

  private String awaitMetrics(String base, String wanted, ServeProcess serve) throws Exception {
    long end = System.nanoTime() + PATIENCE.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = get(base + "/metrics").body();
      if (last.contains(wanted)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no '" + wanted + "' in /metrics:\n" + last + "\nserve said:\n" + serve.output());
  }

  private static void awaitSeries(Prometheus prometheus, String promql) throws Exception {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < end) {
      if (!prometheus.query(promql).isEmpty()) {
        return;
      }
      if (!prometheus.alive()) {
        throw new AssertionError("prometheus ended:\n" + prometheus.log());
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "Prometheus has no series for " + promql + "; its log:\n" + prometheus.log());
  }

  /** What {@code promtool check metrics} says about the text (empty when it has no complaint). */
  static String promtoolCheckMetrics(String metrics) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(metrics.getBytes(StandardCharsets.UTF_8));
    }
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int code = p.waitFor();
    return code == 0 ? said : "exit " + code + ": " + said;
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode read(ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
