package dev.fetchboard.engine;

import static dev.fetchboard.testing.Payloads.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.Check;
import dev.fetchboard.workspace.Comparison;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with the real HTTP source against a real server on 127.0.0.1. */
class HttpEngineTest {
  private TestHttpServer server;
  private Engine engine;
  private final Workspace workspace = Workspace.named("test");

  @BeforeEach
  void setUp() throws IOException {
    server = new TestHttpServer();
    engine = new Engine(new EngineConfig(64, 32), List.of(new HttpSource()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private RunResult runOne(PanelSpec panel) throws InterruptedException {
    return engine.run(workspace, panel, e -> {}).await().getFirst();
  }

  @Test
  void twentySlowEndpointsOverlapInsteadOfQueueing() throws Exception {
    server.handle(
        "/slow",
        ex -> {
          sleep(300);
          TestHttpServer.send(ex, 200, "application/json", "{\"ok\":true}");
        });
    var panels = new ArrayList<PanelSpec>();
    for (int i = 0; i < 20; i++) {
      panels.add(Panels.get("p" + i, server.url("/slow?i=" + i)));
    }
    long start = System.nanoTime();
    List<RunResult> results = engine.run(workspace, panels, e -> {}).await();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(results).allMatch(RunResult::ok);
    assertThat(millis).isLessThan(1000);
  }

  @Test
  void perHostLimitCapsConcurrentRequestsToOneHost() throws Exception {
    var inFlight = new AtomicInteger();
    var maxSeen = new AtomicInteger();
    server.handle(
        "/count",
        ex -> {
          maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          sleep(100);
          inFlight.decrementAndGet();
          TestHttpServer.send(ex, 200, "text/plain", "ok");
        });
    try (var limited = new Engine(new EngineConfig(64, 2), List.of(new HttpSource()))) {
      var panels = new ArrayList<PanelSpec>();
      for (int i = 0; i < 8; i++) {
        panels.add(Panels.get("p" + i, server.url("/count")));
      }
      var results = limited.run(workspace, panels, e -> {}).await();
      assertThat(results).allMatch(RunResult::ok);
    }
    assertThat(maxSeen.get()).isEqualTo(2);
  }

  @Test
  void cancelAbortsTheExchangeInFlight() throws Exception {
    var serverSawAbort = new CountDownLatch(1);
    var started = new CountDownLatch(1);
    server.handle(
        "/stream",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          started.countDown();
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 200; i++) {
              out.write(new byte[1024]);
              out.flush();
              sleep(50);
            }
          } catch (IOException e) {
            serverSawAbort.countDown();
          }
        });
    var batch = engine.run(workspace, Panels.get("s", server.url("/stream")), e -> {});
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    sleep(200);
    long t0 = System.nanoTime();
    batch.cancel();
    RunResult r = batch.await().getFirst();
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(serverSawAbort.await(3, TimeUnit.SECONDS))
        .as("the server's writes fail once the client has aborted")
        .isTrue();
  }

  @Test
  void cancelBeforeTheHeadersArriveStopsTheRunAtOnce() throws Exception {
    var started = new CountDownLatch(1);
    server.handle(
        "/late",
        ex -> {
          started.countDown();
          sleep(3000);
          TestHttpServer.send(ex, 200, "text/plain", "late");
        });
    var batch = engine.run(workspace, Panels.get("s", server.url("/late")), e -> {});
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    batch.cancel();
    RunResult r = batch.await().getFirst();
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
  }

  @Test
  void slowResponseTimesOutWithAClearMessage() throws Exception {
    server.handle(
        "/late",
        ex -> {
          sleep(3000);
          TestHttpServer.send(ex, 200, "text/plain", "late");
        });
    var panel =
        Panels.get("late", server.url("/late"))
            .withSource(
                dev.fetchboard.workspace.HttpRequestSpec.get(server.url("/late"))
                    .withTimeout(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    RunResult r = runOne(panel);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(r.error().message()).contains("timed out");
  }

  @Test
  void bodyThatTricklesPastTheTimeoutIsCutOff() throws Exception {
    server.handle(
        "/trickle",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 30; i++) {
              out.write('x');
              out.flush();
              sleep(200);
            }
          } catch (IOException ignored) {
            // the client gave up, as it should
          }
        });
    var spec =
        dev.fetchboard.workspace.HttpRequestSpec.get(server.url("/trickle"))
            .withTimeout(Duration.ofMillis(500));
    RunResult r = runOne(PanelSpec.http("t", "t", spec));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(r.error().message()).startsWith("timed out");
  }

  @Test
  void bodyOverTheCapFailsWithTheCapInTheMessage() throws Exception {
    String big = "x".repeat(2 * 1024 * 1024);
    server.respond("/big", 200, "text/plain", big);
    var spec =
        dev.fetchboard.workspace.HttpRequestSpec.get(server.url("/big"))
            .withMaxBytes(ByteSize.parse("1MB"));
    RunResult r = runOne(PanelSpec.http("big", "big", spec));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(r.error().message()).contains("1 MB cap");
  }

  @Test
  void gzipBodiesAreDecodedIntoRows() throws Exception {
    server.handle(
        "/gz",
        ex -> {
          var buf = new ByteArrayOutputStream();
          try (var gz = new GZIPOutputStream(buf)) {
            gz.write("[{\"a\":1},{\"a\":2}]".getBytes(StandardCharsets.UTF_8));
          }
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, buf.size());
          ex.getResponseBody().write(buf.toByteArray());
        });
    RunResult r = runOne(Panels.get("gz", server.url("/gz")));
    assertThat(r.ok()).isTrue();
    assertThat(r.rowCount()).isEqualTo(2);
    assertThat(r.table().cell(1, 0)).isEqualTo(2L);
  }

  @Test
  void redirectsAreFollowedUnlessTurnedOff() throws Exception {
    server.respond("/target", 200, "application/json", "{\"here\":true}");
    server.handle(
        "/moved",
        ex -> {
          ex.getResponseHeaders().set("Location", server.url("/target"));
          ex.sendResponseHeaders(302, -1);
        });
    RunResult followed = runOne(Panels.get("r", server.url("/moved")));
    assertThat(http(followed).status()).isEqualTo(200);
    var noFollow =
        dev.fetchboard.workspace.HttpRequestSpec.get(server.url("/moved"))
            .withFollowRedirects(false);
    RunResult stayed = runOne(PanelSpec.http("r2", "r2", noFollow));
    assertThat(http(stayed).status()).isEqualTo(302);
    assertThat(http(stayed).headers().get("location")).containsExactly(server.url("/target"));
  }

  @Test
  void jsonPathSelectsRowsAndValue() throws Exception {
    server.respond(
        "/orders",
        200,
        "application/json",
        "{\"total\": 12.50, \"items\": [{\"id\": 7}, {\"id\": 8}]}");
    var table = Panels.get("t", server.url("/orders")).withRows("$.items");
    RunResult rows = runOne(table);
    assertThat(rows.table().columns()).extracting(Column::name).containsExactly("id");
    assertThat(rows.rowCount()).isEqualTo(2);
    var value = Panels.get("v", server.url("/orders")).withValue("$.total");
    assertThat(runOne(value).value()).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void checksPassAndFailVisibly() throws Exception {
    server.respond("/health", 200, "application/json", "{\"status\":\"ok\",\"queue\":42}");
    var om = new com.fasterxml.jackson.databind.ObjectMapper();
    var passing =
        Panels.get("ok", server.url("/health"))
            .withChecks(
                List.of(
                    Check.status(200),
                    Check.latencyUnder(Duration.ofSeconds(5)),
                    Check.jsonPath(Comparison.equalTo("$.status", om.valueToTree("ok"))),
                    Check.jsonPath(Comparison.lessThan("$.queue", new BigDecimal("100")))));
    RunResult ok = runOne(passing);
    assertThat(ok.outcome()).isEqualTo(Outcome.OK);
    assertThat(ok.checks()).hasSize(4).allMatch(CheckOutcome::passed);

    var failing =
        Panels.get("bad", server.url("/health"))
            .withChecks(
                List.of(
                    Check.status(201),
                    Check.jsonPath(Comparison.greaterThan("$.queue", new BigDecimal("100"))),
                    Check.jsonPath(Comparison.exists("$.missing"))));
    RunResult bad = runOne(failing);
    assertThat(bad.outcome()).isEqualTo(Outcome.CHECK_FAILED);
    assertThat(bad.checks()).noneMatch(CheckOutcome::passed);
    assertThat(bad.checks().get(1).actual()).isEqualTo("42");
    assertThat(bad.problem()).contains("status is 201").contains("200");
  }

  @Test
  void errorStatusWithoutChecksFailsTheRun() throws Exception {
    server.respond("/boom", 500, "text/plain", "boom");
    RunResult r = runOne(Panels.get("boom", server.url("/boom")));
    assertThat(r.outcome()).isEqualTo(Outcome.CHECK_FAILED);
    assertThat(http(r).body()).isEqualTo("boom");
  }

  @Test
  void variablesComeFromTheActiveEnvironmentAndUnknownOnesNameThePanelAndField() throws Exception {
    server.respond("/v", 200, "text/plain", "hi");
    var ws =
        Workspace.named("vars")
            .withEnvironments(Map.of("local", Map.of("api", server.url(""))))
            .withEnvironment("local");
    var good = Panels.get("good", "${api}/v");
    var bad =
        Panels.get("bad", "${api}/v")
            .withSource(
                dev.fetchboard.workspace.HttpRequestSpec.get("${api}/v")
                    .withHeaders(Map.of("X-Key", "${secret}")));
    var results = engine.run(ws, List.of(good, bad), e -> {}).await();
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(1).error().message())
        .contains("panel 'bad'")
        .contains("headers.X-Key")
        .contains("${secret}");
  }

  @Test
  void connectionRefusedNamesTheAddress() throws Exception {
    int closedPort;
    try (var s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    RunResult r = runOne(Panels.get("refused", "http://127.0.0.1:" + closedPort + "/"));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.CONNECTION);
    assertThat(r.error().message()).isEqualTo("connection refused by 127.0.0.1:" + closedPort);
  }

  @Test
  void unknownHostIsReportedAsUnresolvable() throws Exception {
    RunResult r = runOne(Panels.get("dns", "http://no-such-host.invalid/x"));
    assertThat(r.error().message()).isEqualTo("cannot resolve host 'no-such-host.invalid'");
  }

  @Test
  void nonHttpSchemesAreRefusedBeforeAnythingIsSent() throws Exception {
    RunResult r = runOne(Panels.get("file", "file:///etc/passwd"));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(r.error().message()).contains("only http and https");
  }

  @Test
  void eventsGoQueuedStartedFinishedInOrder() throws Exception {
    server.respond("/e", 200, "application/json", "[1,2,3]");
    var rec = new Panels.Recorder();
    engine.run(workspace, Panels.get("e", server.url("/e")), rec).await();
    assertThat(rec.events.getFirst()).isInstanceOf(RunEvent.Queued.class);
    assertThat(rec.events.get(1)).isInstanceOf(RunEvent.Started.class);
    assertThat(rec.events.getLast()).isInstanceOf(RunEvent.Finished.class);
  }

  @Test
  void retriesAfterARefusedConnectionForIdempotentMethodsOnly() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/late-server";
    var post = dev.fetchboard.workspace.HttpRequestSpec.get(url).withRetries(3).withMethod("POST");
    RunResult p = runOne(PanelSpec.http("p", "p", post));
    assertThat(p.error().message()).startsWith("connection refused");
    assertThat(p.attempts()).as("POST is never retried").isEqualTo(1);

    // The server comes up while the first attempt's backoff (200 ms) runs.
    var starter =
        Thread.ofVirtual()
            .start(
                () -> {
                  sleep(100);
                  try {
                    var late =
                        com.sun.net.httpserver.HttpServer.create(
                            new java.net.InetSocketAddress("127.0.0.1", port), 10);
                    late.createContext("/", ex -> TestHttpServer.send(ex, 200, "text/plain", "up"));
                    late.start();
                    lateServer.set(late);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    var get = dev.fetchboard.workspace.HttpRequestSpec.get(url).withRetries(3);
    RunResult r = runOne(PanelSpec.http("g", "g", get));
    starter.join();
    lateServer.get().stop(0);
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.attempts()).isGreaterThanOrEqualTo(2);
  }

  private final java.util.concurrent.atomic.AtomicReference<com.sun.net.httpserver.HttpServer>
      lateServer = new java.util.concurrent.atomic.AtomicReference<>();

  @Test
  void responseHeadersAreCaseInsensitiveSortedKeepRepeatsAndHideCookieValues() throws Exception {
    server.handle(
        "/h",
        ex -> {
          ex.getResponseHeaders().add("X-Trace", "abc");
          ex.getResponseHeaders().add("Set-Cookie", "session=s3cret; Path=/; HttpOnly");
          ex.getResponseHeaders().add("Set-Cookie", "theme=dark");
          ex.getResponseHeaders().add("Via", "1.1 a");
          TestHttpServer.send(ex, 200, "application/json", "{}");
        });
    RunResult r = runOne(Panels.get("h", server.url("/h")));
    assertThat(r.ok()).isTrue();
    assertThat(http(r).headers().get("X-TRACE")).containsExactly("abc");
    assertThat(http(r).headers().get("content-type")).containsExactly("application/json");
    assertThat(http(r).headers().get("set-cookie"))
        .containsExactly("session=‹redacted›; Path=/; HttpOnly", "theme=‹redacted›");
    assertThat(http(r).headers().toString()).doesNotContain("s3cret").doesNotContain("dark");
    var names = new ArrayList<>(http(r).headers().keySet());
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).contains("via");
    assertThat(http(r).contentType()).isEqualTo("application/json");
  }

  @Test
  void repeatModeSumsUpLatencyAndStatuses() throws Exception {
    server.respond("/r", 200, "application/json", "{}");
    RepeatResult r = engine.repeat(workspace, Panels.get("r", server.url("/r")), 200, 20);
    assertThat(r.count()).isEqualTo(200);
    assertThat(r.succeeded()).isEqualTo(200);
    assertThat(r.statuses()).containsEntry(200, 200);
    assertThat(r.p50Millis()).isLessThanOrEqualTo(r.p99Millis());
    assertThat(r.p99Millis()).isLessThanOrEqualTo(r.maxMillis());
    assertThat(r.perSecond()).isPositive();
  }

  /**
   * java.net.http's default pool handed every response to one of ~100 threads it started for a load
   * probe at c=64, then to the common pool: most of the client's CPU per request went into those
   * hand-offs. Responses are now finished on the client's selector thread.
   */
  @Test
  void aLoadProbeStartsNoThreadPerResponse() throws Exception {
    server.respond("/w", 200, "application/json", "{}");
    RepeatResult r = engine.repeat(workspace, Panels.get("w", server.url("/w")), 256, 64);
    assertThat(r.succeeded()).isEqualTo(256);
    assertThat(Thread.getAllStackTraces().keySet())
        .map(Thread::getName)
        .noneMatch(name -> name.matches("HttpClient-\\d+-Worker-\\d+"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
