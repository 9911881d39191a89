package dev.fetchboard.alerts;

import dev.fetchboard.Fetchboard;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP panel whose next run is made OK, a failed check or a failure at will: results come
 * from the engine, as they do in the app, so these tests do not build results by hand.
 */
final class PanelSwitch implements AutoCloseable {
  enum Next {
    OK,
    CHECK_FAILED,
    FAILED
  }

  private final TestHttpServer api = new TestHttpServer();
  private final AtomicReference<Next> next = new AtomicReference<>(Next.OK);
  private final Engine engine = Fetchboard.newEngine(EngineConfig.DEFAULT);

  PanelSwitch() throws IOException {
    api.handle(
        "/depth",
        ex ->
            TestHttpServer.send(
                ex,
                200,
                "application/json",
                switch (next.get()) {
                  case OK -> "{\"n\": 5}";
                  case CHECK_FAILED -> "{\"n\": 5000}";
                  // Past the panel's maxBytes: the run fails ("response too large").
                  case FAILED -> "{\"n\": 5, \"pad\": \"" + "x".repeat(2000) + "\"}";
                }));
  }

  /** The panels part of a workspace: one panel {@code queue-depth} titled "Queue depth". */
  String panelsYaml() {
    return """
        fetchboard: 1
        name: Shop
        panels:
          - id: queue-depth
            title: Queue depth
            http:
              url: %s
              maxBytes: 1KB
            view: value
            value: $.n
            checks:
              - value: { lessThan: 1000 }
        """
        .formatted(api.url("/depth"));
  }

  Workspace workspace(String alertsYaml) throws Exception {
    return new WorkspaceFile().parse(panelsYaml() + alertsYaml, null);
  }

  /** Runs the panel once with the given outcome and returns the engine's result. */
  RunResult run(Workspace ws, Next outcome) throws InterruptedException {
    next.set(outcome);
    return engine.run(ws, ws.panels().getFirst(), e -> {}).take(0);
  }

  @Override
  public void close() {
    engine.close();
    api.close();
  }
}
