package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serve hands every run to the workspace's alerts: a panel that starts failing sends one. */
class ServeAlertsTest {
  @TempDir Path dir;

  @Test
  void aPanelThatStartsFailingSendsTheWorkspacesWebhookAlert() throws Exception {
    var failing = new AtomicBoolean();
    var hooks = new CopyOnWriteArrayList<String>();
    var log = new CopyOnWriteArrayList<String>();
    try (var api = new TestHttpServer()) {
      api.handle(
          "/orders", ex -> TestHttpServer.send(ex, failing.get() ? 500 : 200, "text/plain", "x"));
      api.handle(
          "/hook",
          ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            TestHttpServer.send(ex, 204, null, "");
          });
      Path ws = dir.resolve("ws.yaml");
      Files.writeString(
          ws,
          """
          fetchboard: 1
          name: Shop
          panels:
            - id: orders
              title: Orders
              http: { url: "%s" }
              refresh: 1s
          alerts:
            - webhook: { url: "%s" }
              minInterval: 0s
          """
              .formatted(api.url("/orders"), api.url("/hook")));
      var settings =
          new ServeSettings(
              ws,
              null,
              ListenAddress.parse("127.0.0.1:0"),
              Duration.ofSeconds(60),
              null,
              8,
              dir.resolve("pg"),
              Duration.ofSeconds(1));
      try (Serve serve =
          Serve.start(settings, (w, p, r) -> {}, new AlertsHook(log::add), log::add)) {
        awaitUntil(() -> !serve.served().latest().isEmpty());
        assertThat(hooks).as("steady state sends nothing").isEmpty();
        failing.set(true);
        awaitUntil(() -> !hooks.isEmpty());
      }
      assertThat(log).contains("1 alert armed");
      assertThat(hooks.getFirst()).contains("orders");
      assertThat(hooks).hasSize(1);
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not in time");
      }
      Thread.sleep(100);
    }
  }
}
