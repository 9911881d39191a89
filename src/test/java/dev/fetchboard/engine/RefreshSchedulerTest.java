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
}
