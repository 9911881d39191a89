package dev.fetchboard.ui.window;

import dev.fetchboard.embedded.SampleApi;
import dev.fetchboard.embedded.SampleWorkspace;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Starts the sample API whenever an opened workspace points at it (the sample, or a Save As copy of
 * it), not only when the sample itself opens; a workspace naming its port while the API had to use
 * another one is pointed at the one it got (in memory). Called off the FX thread.
 */
public final class SampleApiLink implements UnaryOperator<Workspace>, AutoCloseable {
  private static final String HOST_PORT = "127.0.0.1:" + SampleApi.PREFERRED_PORT;
  private static final String LOCALHOST_PORT = "localhost:" + SampleApi.PREFERRED_PORT;

  private SampleApi api;
  private String problem;

  @Override
  public synchronized Workspace apply(Workspace ws) {
    if (!pointsAtTheSampleApi(ws)) {
      return ws;
    }
    if (api == null) {
      try {
        api = SampleApi.start();
      } catch (IOException e) {
        problem = "cannot start the sample API: " + e.getMessage();
        return ws;
      }
    }
    return api.baseUrl().endsWith(":" + SampleApi.PREFERRED_PORT)
        ? ws
        : SampleWorkspace.pointedAt(ws, api.baseUrl());
  }

  /** The running API's base URL, or null before a workspace needed it. */
  public synchronized String baseUrl() {
    return api == null ? null : api.baseUrl();
  }

  /** Why the API could not start, or null. */
  public synchronized String problem() {
    return problem;
  }

  /** True when a variable or a panel's URL names the sample API's address. */
  static boolean pointsAtTheSampleApi(Workspace ws) {
    for (Map<String, String> vars : ws.environments().values()) {
      for (String v : vars.values()) {
        if (names(v)) {
          return true;
        }
      }
    }
    for (PanelSpec p : ws.panels()) {
      if (p.asHttp().filter(http -> names(http.url())).isPresent()) {
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
