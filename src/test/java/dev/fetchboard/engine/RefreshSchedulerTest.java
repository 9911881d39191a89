package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshSchedulerTest {

  @Test
  void panelsRefreshOnTheirIntervalAndASlowOneIsNeverStartedTwice() throws Exception {
    var fastHits = new AtomicInteger();
    var slowInFlight = new AtomicInteger();
    var slowMaxInFlight = new AtomicInteger();
    try (var server = new TestHttpServer();
        var engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()))) {
      server.handle(
          "/fast",
          ex -> {
            fastHits.incrementAndGet();
            TestHttpServer.send(ex, 200, "text/plain", "ok");
          });
      server.handle(
          "/slow",
          ex -> {
            slowMaxInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
            try {
              Thread.sleep(1500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            slowInFlight.decrementAndGet();
            TestHttpServer.send(ex, 200, "text/plain", "ok");
          });
      var ws =
          Workspace.named("r")
              .withPanels(
                  List.of(
                      Panels.get("fast", server.url("/fast")).withRefresh(Duration.ofMillis(500)),
                      Panels.get("slow", server.url("/slow")).withRefresh(Duration.ofMillis(500)),
                      Panels.get("manual", server.url("/fast"))));
      try (var scheduler = new RefreshScheduler(engine, e -> {})) {
        scheduler.start(ws);
        Thread.sleep(2300);
        scheduler.stop();
      }
      // fast: runs at about 0, 0.5, 1.0, 1.5, 2.0 s; the manual panel never runs by itself.
      assertThat(fastHits.get()).isBetween(4, 6);
      assertThat(slowMaxInFlight.get()).isEqualTo(1);
    }
  }

  @Test
  void anUpdateReArmsOnlyThePanelWhoseIntervalChanged() throws Exception {
    var aHits = new AtomicInteger();
    var bHits = new AtomicInteger();
    try (var server = new TestHttpServer();
        var engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()))) {
      server.handle(
          "/a",
          ex -> {
            aHits.incrementAndGet();
            TestHttpServer.send(ex, 200, "text/plain", "ok");
          });
      server.handle(
          "/b",
          ex -> {
            bHits.incrementAndGet();
            TestHttpServer.send(ex, 200, "text/plain", "ok");
          });
      var a = Panels.get("a", server.url("/a")).withRefresh(Duration.ofMinutes(1));
      var b = Panels.get("b", server.url("/b")).withRefresh(Duration.ofMinutes(1));
      var ws = Workspace.named("r").withPanels(List.of(a, b));
      try (var scheduler = new RefreshScheduler(engine, e -> {})) {
        scheduler.start(ws);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((aHits.get() < 1 || bHits.get() < 1) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(List.of(aHits.get(), bHits.get())).containsExactly(1, 1);
        // A title edit, a new panel without an interval, another environment: nobody runs.
        ws = ws.withPanel(a.withTitle("A")).withPanel(Panels.get("c", server.url("/c")));
        scheduler.update(ws);
        scheduler.update(ws.withEnvironment(null));
        Thread.sleep(500);
        assertThat(List.of(aHits.get(), bHits.get())).containsExactly(1, 1);
        // a's interval becomes a second: a runs on it from now, b keeps its minute.
        scheduler.update(ws.withPanel(a.withRefresh(Duration.ofSeconds(1))));
        Thread.sleep(2500);
        assertThat(aHits.get()).isBetween(2, 4);
        assertThat(bHits.get()).isEqualTo(1);
        // A panel removed stops.
        scheduler.update(Workspace.named("r").withPanels(List.of(b)));
        int after = aHits.get();
        Thread.sleep(1500);
        assertThat(aHits.get()).isLessThanOrEqualTo(after + 1);
      }
    }
  }
}
