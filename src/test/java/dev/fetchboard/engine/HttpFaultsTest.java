package dev.fetchboard.engine;

import static dev.fetchboard.testing.Payloads.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that misbehave: each failure becomes a clear result, never a crash or a hang. */
class HttpFaultsTest {
  private TestHttpServer server;
  private Engine engine;
  @TempDir Path dir;

  @BeforeEach
  void setUp() throws IOException {
    server = new TestHttpServer();
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private RunResult run(PanelSpec panel) throws InterruptedException {
    return engine.run(Workspace.named("t"), panel, e -> {}).await().getFirst();
  }

  /** Answers the first request on {@code raw} with exactly {@code response}, then hangs up. */
  private static void answerOnce(ServerSocket raw, String response) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (var s = raw.accept()) {
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write(response.getBytes(StandardCharsets.US_ASCII));
                out.flush();
              } catch (IOException ignored) {
                // the client has what it needs
              }
            });
  }

  @Test
  void aConnectionClosedMidBodyIsReportedAsSuch() throws Exception {
    try (var raw = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      answerOnce(raw, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
      RunResult r = run(Panels.get("cut", "http://127.0.0.1:" + raw.getLocalPort() + "/"));
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.error().message())
          .contains("closed the connection before the response was complete");
    }
  }

  /** Sends {@code bytes} as the answer, whole or in pieces of {@code piece} bytes. */
  private RunResult answerInPieces(byte[] bytes, int piece) throws Exception {
    try (var raw = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (var sock = raw.accept()) {
                  sock.setTcpNoDelay(true);
                  sock.getInputStream().read(new byte[4096]);
                  OutputStream out = sock.getOutputStream();
                  for (int i = 0; i < bytes.length; i += piece) {
                    out.write(bytes, i, Math.min(piece, bytes.length - i));
                    out.flush();
                    if (piece < bytes.length) {
                      Thread.sleep(2);
                    }
                  }
                } catch (IOException | InterruptedException ignored) {
                  // the client has what it needs
                }
              });
      return run(Panels.get("odd", "http://127.0.0.1:" + raw.getLocalPort() + "/"));
    }
  }

  @Test
  void oddlyWrittenHeadersAreReadTheSameWhetherALineArrivesWholeOrInPieces() throws Exception {
    String head =
        "HTTP/1.1 200 OK\r\n"
            + "CONTENT-Type:   application/json \t\r\n"
            + "X-Mixed-Case:a:b:c\r\n"
            + "X-Empty:\r\n"
            + "X-Bare-LF: yes\n"
            + "X-Latin: latin-1 \u00e9\r\n"
            + "Content-Length: 2\r\n\r\n{}";
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    for (int piece : new int[] {bytes.length, 7}) {
      RunResult r = answerInPieces(bytes, piece);
      assertThat(r.ok()).as("piece " + piece + ": " + r.error()).isTrue();
      assertThat(http(r).contentType()).isEqualTo("application/json");
      assertThat(http(r).headers())
          .containsEntry("content-type", List.of("application/json"))
          .containsEntry("x-mixed-case", List.of("a:b:c"))
          .containsEntry("x-empty", List.of(""))
          .containsEntry("x-bare-lf", List.of("yes"))
          .containsEntry("x-latin", List.of("latin-1 \u00e9"))
          .hasSize(6);
    }
  }

  @Test
  void linesWithoutAColonOrANameAreLeftOutOfTheHeaders() throws Exception {
    byte[] bytes =
        "HTTP/1.1 200 OK\r\nno colon here\r\n: empty name\r\nContent-Length: 2\r\n\r\n{}"
            .getBytes(StandardCharsets.ISO_8859_1);
    RunResult r = answerInPieces(bytes, 7);
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    assertThat(http(r).headers()).containsOnlyKeys("content-length");
  }

  @Test
  void headerLinesThatAreNotHeadersAreRefusedWhetherWholeOrInPieces() throws Exception {
    for (String line : new String[] {"X-Caf\u00c9: latin-1", "X\0A: nul", " X-Lead: space"}) {
      byte[] bytes =
          ("HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 2\r\n\r\n{}")
              .getBytes(StandardCharsets.ISO_8859_1);
      for (int piece : new int[] {bytes.length, 7}) {
        RunResult r = answerInPieces(bytes, piece);
        assertThat(r.outcome()).as(line).isEqualTo(Outcome.FAILED);
        assertThat(r.error().message())
            .as(line)
            .contains("sent a malformed response")
            .doesNotContain("Exception");
      }
    }
  }

  @Test
  void aStatusLineWithoutAThreeDigitCodeIsRefusedNotReadAsSomeOtherStatus() throws Exception {
    for (String statusLine :
        new String[] {"HTTP/1.1 99999999999 WHAT", "HTTP/1.1 2OO OK", "HTTP/1.1 +20 OK"}) {
      try (var raw = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
        answerOnce(raw, statusLine + "\r\nContent-Length: 0\r\n\r\n");
        RunResult r = run(Panels.get("odd", "http://127.0.0.1:" + raw.getLocalPort() + "/"));
        assertThat(r.outcome()).as(statusLine).isEqualTo(Outcome.FAILED);
        assertThat(r.error().message()).as(statusLine).contains("bad status line");
      }
    }
  }

  @Test
  void anErrorResponseReportsItsStatusNotAMissingValuePath() throws Exception {
    server.respond("/down", 503, "application/json", "{\"error\":\"maintenance\"}");
    RunResult r = run(Panels.get("down", server.url("/down")).withValue("$.ok"));
    assertThat(r.outcome()).isEqualTo(Outcome.CHECK_FAILED);
    assertThat(r.problem()).contains("status is not an error").contains("503");
  }

  @Test
  void aRedirectLoopStopsWithAClearMessage() throws Exception {
    server.handle(
        "/loop",
        ex -> {
          ex.getResponseHeaders().set("Location", server.url("/loop"));
          ex.sendResponseHeaders(302, -1);
        });
    RunResult r = run(Panels.get("loop", server.url("/loop")));
    assertThat(r.error().message()).contains("too many redirects").contains("redirect loop");
  }

  @Test
  void aHugeHeaderFailsTheRunNotTheApp() throws Exception {
    server.handle(
        "/huge",
        ex -> {
          ex.getResponseHeaders().set("X-Huge", "x".repeat(2 * 1024 * 1024));
          TestHttpServer.send(ex, 200, "text/plain", "ok");
        });
    RunResult r = run(Panels.get("huge", server.url("/huge")));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.error().message())
        .isEqualTo("the response headers from 127.0.0.1:" + server.port() + " are too large");
    assertThat(r.elapsed()).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void invalidUtf8IsShownWithReplacementCharactersAndANotice() throws Exception {
    server.handle(
        "/bad",
        ex -> {
          byte[] body = {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'};
          ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
        });
    RunResult r = run(Panels.get("bad", server.url("/bad")));
    assertThat(r.ok()).isTrue();
    assertThat(http(r).body()).startsWith("ok ").contains("\uFFFD");
    assertThat(r.notice()).contains("not valid UTF-8");
  }

  @Test
  void binaryBodiesAreShownAsAHexPreview() throws Exception {
    server.handle(
        "/png",
        ex -> {
          byte[] body = new byte[2000];
          body[0] = (byte) 0x89;
          body[1] = 'P';
          ex.getResponseHeaders().set("Content-Type", "image/png");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
        });
    RunResult r = run(Panels.get("png", server.url("/png")));
    assertThat(r.ok()).isTrue();
    assertThat(http(r).body()).startsWith("89 50 00");
    assertThat(r.notice())
        .contains("binary body")
        .contains("image/png")
        .contains("first 512 bytes");
  }

  @Test
  void thousandsOfColumnsAreCappedAndTheUserIsTold() throws Exception {
    var sb = new StringBuilder("[{");
    for (int i = 0; i < 3000; i++) {
      sb.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":").append(i);
    }
    server.respond("/wide", 200, "application/json", sb.append("}]").toString());
    RunResult r = run(Panels.get("wide", server.url("/wide")));
    assertThat(r.ok()).isTrue();
    assertThat(r.table().columns()).hasSize(2000);
    assertThat(r.notice()).contains("first 2,000 columns shown (1,000 more were left out)");
  }

  @Test
  void aSelfSignedCertificateIsRefusedUnlessThePanelOptsIn() throws Exception {
    SSLContext tls = selfSignedContext();
    var https =
        com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    https.createContext(
        "/", ex -> TestHttpServer.send(ex, 200, "application/json", "{\"tls\":true}"));
    https.start();
    try {
      String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/";
      RunResult refused = run(Panels.get("tls", url));
      assertThat(refused.error().message())
          .contains("TLS handshake with 127.0.0.1")
          .contains("not trusted")
          .contains("insecure: true");
      var insecure =
          new HttpRequestSpec(
              "GET", url, null, null, null, null, null, null, null, null, Boolean.TRUE);
      RunResult accepted = run(PanelSpec.http("tls2", "tls2", insecure));
      assertThat(accepted.ok()).as(String.valueOf(accepted.error())).isTrue();
      assertThat(accepted.rowCount()).isEqualTo(1);
    } finally {
      https.stop(0);
    }
  }

  private SSLContext selfSignedContext() throws Exception {
    Path store = dir.resolve("tls.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "t",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
