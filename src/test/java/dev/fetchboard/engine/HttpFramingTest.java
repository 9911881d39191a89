package dev.fetchboard.engine;

import static dev.fetchboard.testing.Payloads.http;
import static dev.fetchboard.testing.RawHttpServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.RawHttpServer;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses framed wrongly or out of step with their requests: a panel shows its own answer or a
 * plain failure naming the server, never another panel's answer, a crash or a class name.
 */
class HttpFramingTest {
  private Engine engine;
  private final Workspace workspace = Workspace.named("w");

  @BeforeEach
  void setUp() {
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private RunResult run(PanelSpec panel) throws InterruptedException {
    return engine.run(workspace, panel, e -> {}).await().getFirst();
  }

  private List<RunResult> runAll(List<PanelSpec> panels) throws InterruptedException {
    return engine.run(workspace, panels, e -> {}).await();
  }

  private static String ownAnswer(String target) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
        + target.length()
        + "\r\n\r\n"
        + target;
  }

  private static void assertPlain(RunResult r, int port, String what) {
    assertThat(r.outcome()).as(what).isEqualTo(Outcome.FAILED);
    assertThat(r.error().message())
        .as(what)
        .contains("127.0.0.1:" + port)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("unexpected error");
  }

  @Test
  void malformedFramingIsRefusedWithAPlainSentenceNamingTheServer() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    cases.put("negative chunk size", chunked + "-5\r\nhello\r\n0\r\n\r\n");
    cases.put("signed chunk size", chunked + "+5\r\nhello\r\n0\r\n\r\n");
    cases.put("chunk size overflow", chunked + "fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n");
    cases.put(
        "conflicting Content-Length",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
    cases.put(
        "Content-Length and Transfer-Encoding",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n");
    cases.put(
        "xchunked",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    cases.put(
        "chunked twice",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    cases.put("space before colon", "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello");
    cases.put("leading whitespace", "HTTP/1.1 200 OK\r\n X-A: a\r\nContent-Length: 5\r\n\r\nhi!!!");
    cases.put("NUL in a name", "HTTP/1.1 200 OK\r\nX-\0A: a\r\nContent-Length: 5\r\n\r\nhello");
    cases.put("HTTP/9.9", "HTTP/9.9 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    cases.put("101", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\nhello");
    cases.put("Content-Length -1", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nhello");
    cases.put("Content-Length +5", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello");
    cases.put("Content-Length 5, 5", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello");
    cases.put("status 999", "HTTP/1.1 999 What\r\nContent-Length: 0\r\n\r\n");
    for (var c : cases.entrySet()) {
      try (var server = new RawHttpServer((r, s) -> bytes(c.getValue()))) {
        RunResult r = run(PanelSpec.http("p", "p", HttpRequestSpec.get(server.url("/"))));
        assertPlain(r, server.port(), c.getKey());
      }
    }
  }

  @Test
  void contentLengthsFarBeyondWhatArrivesFailPlainlyWithoutReservingMemory() throws Exception {
    for (String length : new String[] {"51380224", "2147483648", "99999999999999999999"}) {
      try (var server =
          new RawHttpServer(
              (r, s) -> {
                s.getOutputStream()
                    .write(bytes("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nhi"));
                return null;
              })) {
        var panels = new ArrayList<PanelSpec>();
        for (int i = 0; i < 40; i++) {
          panels.add(PanelSpec.http("p" + i, "p" + i, HttpRequestSpec.get(server.url("/" + i))));
        }
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        List<RunResult> results = runAll(panels);
        long after = rt.totalMemory() - rt.freeMemory();
        for (RunResult r : results) {
          assertPlain(r, server.port(), length);
        }
        assertThat(after - before).as(length).isLessThan(400L * 1024 * 1024);
      }
    }
  }

  @Test
  void aQuarterMillionSmallChunksAreAccepted() throws Exception {
    var body = new ByteArrayOutputStream();
    body.writeBytes(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"));
    body.writeBytes(bytes("Transfer-Encoding: chunked\r\n\r\n"));
    byte[] chunk = bytes("10\r\n0123456789abcdef\r\n");
    for (int i = 0; i < 250_000; i++) {
      body.writeBytes(chunk);
    }
    body.writeBytes(bytes("0\r\n\r\n"));
    byte[] answer = body.toByteArray();
    try (var server = new RawHttpServer((r, s) -> answer)) {
      RunResult r = run(PanelSpec.http("p", "p", HttpRequestSpec.get(server.url("/"))));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(http(r).bytes()).isEqualTo(4_000_000L);
    }
  }

  private void everyPanelGetsItsOwnAnswer(RawHttpServer server) throws Exception {
    everyPanelGetsItsOwnAnswer(server, path -> path);
  }

  /**
   * Runs 3 rounds of 4 panels one after another and 12 at once, each expecting its own answer
   * ({@code expected} gives the body for a path).
   */
  private void everyPanelGetsItsOwnAnswer(
      RawHttpServer server, java.util.function.UnaryOperator<String> expected) throws Exception {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        String path = "/seq" + round + "-" + i;
        RunResult r = run(PanelSpec.http("s", "s", HttpRequestSpec.get(server.url(path))));
        if (r.ok()) {
          assertThat(http(r).body()).isEqualTo(expected.apply(path));
        }
      }
      var panels = new ArrayList<PanelSpec>();
      for (int i = 0; i < 12; i++) {
        panels.add(
            PanelSpec.http(
                "p" + i, "p" + i, HttpRequestSpec.get(server.url("/p" + round + "-" + i))));
      }
      List<RunResult> results = runAll(panels);
      for (int i = 0; i < results.size(); i++) {
        RunResult r = results.get(i);
        if (r.ok()) {
          assertThat(http(r).body()).isEqualTo(expected.apply("/p" + round + "-" + i));
        } else {
          assertThat(r.error().message()).doesNotContain("Exception");
        }
      }
      assertThat(results.stream().filter(RunResult::ok).count()).isPositive();
    }
  }

  @Test
  void extraBytesAfterAResponseAreNeverTheNextPanelsAnswer() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) ->
                bytes(
                    ownAnswer(r.target()) + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nWRONG"))) {
      everyPanelGetsItsOwnAnswer(server);
    }
  }

  @Test
  void a204CarryingABodyIsNeverTheNextPanelsAnswer() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) ->
                r.target().endsWith("-0")
                    ? bytes("HTTP/1.1 204 No Content\r\n\r\n" + ownAnswer("/WRONG"))
                    : bytes(ownAnswer(r.target())))) {
      // A 204 has no body: the bytes after its head are not the next panel's answer.
      everyPanelGetsItsOwnAnswer(server, path -> path.endsWith("-0") ? "" : path);
    }
  }

  @Test
  void aResponseSentOnAnIdleConnectionIsNeverTheNextPanelsAnswer() throws Exception {
    // The stray response arrives while the connection waits in the pool (20 ms after the answer,
    // the next request 100 ms later). One that arrives after the next request was written is
    // that request's answer as far as any HTTP/1.1 client can tell.
    try (var server =
        new RawHttpServer(
            (r, s) -> {
              var out = s.getOutputStream();
              out.write(bytes(ownAnswer(r.target())));
              out.flush();
              Thread.sleep(20);
              return bytes(ownAnswer("/WRONG"));
            })) {
      for (int i = 0; i < 8; i++) {
        String path = "/idle" + i;
        RunResult r = run(PanelSpec.http("s", "s", HttpRequestSpec.get(server.url(path))));
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        assertThat(http(r).body()).isEqualTo(path);
        Thread.sleep(100);
      }
    }
  }

  @Test
  void garbageAfterChunkDataIsNeverTheNextPanelsAnswer() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) ->
                bytes(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(r.target().length())
                        + "\r\n"
                        + r.target()
                        + "XX\r\n0\r\n\r\n"))) {
      everyPanelGetsItsOwnAnswer(server);
    }
  }

  @Test
  void aServerClosingIdleConnectionsAfterOneSecondFailsNoRepeatedRun() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) -> {
              s.setSoTimeout(1000);
              return bytes(ownAnswer(r.target()));
            })) {
      int failed = 0;
      var why = new ArrayList<String>();
      long[] gaps = {1000, 1010, 990, 1000, 1020};
      for (int round = 0; round < 6; round++) {
        var panels = new ArrayList<PanelSpec>();
        for (int i = 0; i < 20; i++) {
          panels.add(
              PanelSpec.http(
                  "p" + i, "p" + i, HttpRequestSpec.get(server.url("/r" + round + "-" + i))));
        }
        for (RunResult r : runAll(panels)) {
          if (!r.ok()) {
            failed++;
            why.add(r.error().message());
          }
        }
        if (round < gaps.length) {
          Thread.sleep(gaps[round]);
        }
      }
      assertThat(failed).as(String.join("\n", why)).isZero();
    }
  }

  @Test
  void aPostIsNeverSentTwiceWhenAReusedConnectionClosesWithoutAnswering() throws Exception {
    var posts = new AtomicInteger();
    try (var server =
        new RawHttpServer(
            (r, s) -> {
              if (r.method().equals("POST")) {
                posts.incrementAndGet();
                return null;
              }
              return bytes(ownAnswer(r.target()));
            })) {
      assertThat(run(PanelSpec.http("g", "g", HttpRequestSpec.get(server.url("/warm")))).ok())
          .isTrue();
      var post =
          HttpRequestSpec.get(server.url("/order"))
              .withMethod("POST")
              .withRetries(3)
              .withBody(new BodySpec(null, "one order", null, null));
      RunResult r = run(PanelSpec.http("p", "p", post));
      assertPlain(r, server.port(), "POST");
      Thread.sleep(200);
      assertThat(posts.get()).isEqualTo(1);
      assertThat(server.requests().stream().filter(q -> q.method().equals("POST")).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aRepeatedPostIsSentExactlyAsOftenAsAskedNoWarmUpCopies() throws Exception {
    try (var server = new RawHttpServer((r, s) -> bytes(ownAnswer(r.target())))) {
      var post =
          HttpRequestSpec.get(server.url("/order"))
              .withMethod("POST")
              .withBody(new BodySpec(null, "x", null, null));
      RepeatResult r = engine.repeat(workspace, PanelSpec.http("p", "p", post), 50, 10);
      assertThat(r.succeeded()).isEqualTo(50);
      assertThat(server.requests()).hasSize(50);
      // A GET is warmed up with at most one copy per connection, before timing.
      RepeatResult g =
          engine.repeat(
              workspace, PanelSpec.http("g", "g", HttpRequestSpec.get(server.url("/g"))), 50, 10);
      assertThat(g.succeeded()).isEqualTo(50);
      assertThat(server.requests()).hasSizeBetween(100, 110);
    }
  }

  @Test
  void aCorruptGzipBodyIsDescribedInWords() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) ->
                bytes(
                    "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 10\r\n\r\n"
                        + "\u001f\u008bnot gzip"))) {
      RunResult r = run(PanelSpec.http("p", "p", HttpRequestSpec.get(server.url("/"))));
      assertPlain(r, server.port(), "gzip");
      assertThat(r.error().message()).contains("gzip");
    }
  }

  @Test
  void obsFoldedHeadersAreUnfoldedAsTheStandardAsks() throws Exception {
    try (var server =
        new RawHttpServer(
            (r, s) ->
                bytes("HTTP/1.1 200 OK\r\nX-A: a\r\n  folded\r\nContent-Length: 2\r\n\r\nok"))) {
      RunResult r = run(PanelSpec.http("p", "p", HttpRequestSpec.get(server.url("/"))));
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(http(r).headers().get("x-a").getFirst()).startsWith("a ").endsWith("folded");
      assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
    }
  }
}
