package dev.fetchboard.serve;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads the served workspace file as serve runs it: the chosen environment active, every panel
 * without a refresh interval given the default one, then {@code adjust} (which points the sample at
 * the sample API it started).
 */
public final class WorkspaceLoader {
  private final Path file;
  private final String environment;
  private final Duration defaultRefresh;
  private final UnaryOperator<Workspace> adjust;

  /**
   * @param environment the environment to use, or null for the file's own
   */
  public WorkspaceLoader(
      Path file, String environment, Duration defaultRefresh, UnaryOperator<Workspace> adjust) {
    this.file = file;
    this.environment = environment;
    this.defaultRefresh = defaultRefresh;
    this.adjust = adjust;
  }

  public Path file() {
    return file;
  }

  /**
   * @throws WorkspaceException naming the file and, for each problem, its line and column
   */
  public Workspace load() throws WorkspaceException {
    Workspace ws = new WorkspaceFile().read(file);
    if (environment != null) {
      if (!ws.environments().containsKey(environment)) {
        String known =
            ws.environments().isEmpty()
                ? "there are none"
                : "known: " + String.join(", ", ws.environments().keySet());
        throw new WorkspaceException(
            file,
            List.of(
                new Problem(
                    "environment", "no environment named '" + environment + "' (" + known + ")")));
      }
      ws = ws.withEnvironment(environment);
    }
    var panels = new ArrayList<PanelSpec>(ws.panels().size());
    for (PanelSpec p : ws.panels()) {
      panels.add(p.refresh() == null ? p.withRefresh(defaultRefresh) : p);
    }
    return adjust.apply(ws.withPanels(panels));
  }
}
