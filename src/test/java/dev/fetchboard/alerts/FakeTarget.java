package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.fetchboard.testing.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * A fake Telegram Bot API, Slack, Teams or webhook server on 127.0.0.1: records what it receives
 * and answers as told (by default 200 with Telegram's {@code {"ok":true}}).
 */
final class FakeTarget implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received. */
  record Received(String path, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      var values = headers.get(name);
      return values == null ? null : values.getFirst();
    }
  }

  /** An answer to send. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer ok() {
      return new Answer(200, Map.of(), "{\"ok\":true,\"result\":{}}");
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final TestHttpServer server = new TestHttpServer();
  private volatile IntFunction<Answer> answers = i -> Answer.ok();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  FakeTarget() throws IOException {
    server.handle("/", this::handle);
  }

  /** Answers the n-th request (0-based) with {@code answers.apply(n)}. */
  FakeTarget answering(IntFunction<Answer> newAnswers) {
    this.answers = newAnswers;
    return this;
  }

  /** Holds every request until {@link #open()}: a slow target. */
  FakeTarget closedGate() {
    gate = new CountDownLatch(1);
    return this;
  }

  void open() {
    gate.countDown();
  }

  String base() {
    return server.url("");
  }

  String url(String path) {
    return server.url(path);
  }

  /** Waits until {@code n} requests arrived (at most 20 s); returns them. */
  List<Received> await(int n) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (received.size() < n && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return List.copyOf(received);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int n;
    synchronized (received) {
      n = received.size();
      received.add(
          new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
    }
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Answer a = answers.apply(n);
    a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    TestHttpServer.send(ex, a.status(), "application/json", a.body());
  }

  @Override
  public void close() {
    gate.countDown();
    server.close();
  }
}
