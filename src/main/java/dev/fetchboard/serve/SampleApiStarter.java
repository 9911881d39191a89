package dev.fetchboard.serve;

import dev.fetchboard.embedded.SampleApi;
import dev.fetchboard.embedded.SampleWorkspace;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Starts the sample API when the served workspace points at it (the bundled sample, or a copy), so
 * {@code fetchboard serve assets/sample-workspace.yaml} works offline as the window does; a
 * workspace naming its port while the API had to take another is pointed at that one, in memory.
 */
final class SampleApiStarter implements UnaryOperator<Workspace>, AutoCloseable {
  private static final String HOST_PORT = "127.0.0.1:" + SampleApi.PREFERRED_PORT;
  private static final String LOCALHOST_PORT = "localhost:" + SampleApi.PREFERRED_PORT;

  private final Consumer<String> log;
  private SampleApi api;
  private boolean failed;

  SampleApiStarter(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public synchronized Workspace apply(Workspace ws) {
    if (!pointsAtTheSampleApi(ws)) {
      return ws;
    }
    if (api == null && !failed) {
      try {
        api = SampleApi.start();
        log.accept("started the sample API (sample data only) on " + api.baseUrl());
      } catch (IOException e) {
        failed = true;
        log.accept("cannot start the sample API: " + e.getMessage());
      }
    }
    if (api == null || api.baseUrl().endsWith(":" + SampleApi.PREFERRED_PORT)) {
      return ws;
    }
    return SampleWorkspace.pointedAt(ws, api.baseUrl());
  }

  static boolean pointsAtTheSampleApi(Workspace ws) {
    for (Map<String, String> vars : ws.environments().values()) {
      for (String v : vars.values()) {
        if (names(v)) {
          return true;
        }
      }
    }
    for (PanelSpec p : ws.panels()) {
      if (p.source() instanceof HttpRequestSpec http && names(http.url())) {
        return true;
      }
    }
    return false;
  }

  private static boolean names(String text) {
    return text != null && (text.contains(HOST_PORT) || text.contains(LOCALHOST_PORT));
  }

  @Override
  public synchronized void close() {
    if (api != null) {
      api.close();
      api = null;
    }
  }
}
