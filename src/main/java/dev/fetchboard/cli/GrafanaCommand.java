package dev.fetchboard.cli;

import dev.fetchboard.serve.GrafanaDashboard;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fetchboard grafana}: prints a Grafana dashboard for what {@code serve} exports. */
@Command(
    name = "grafana",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a Grafana dashboard (JSON, to import as is) for the metrics `fetchboard serve`"
          + " exports for this workspace: up over time, each value panel's value, each other"
          + " panel's latency, over a Prometheus data source you pick on import.",
      "Example: fetchboard grafana shop.yaml > dashboard.json"
    })
public final class GrafanaCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Workspace workspace = workspaceOptions.load(err, "grafana");
    if (workspace == null) {
      return FetchboardCommand.USAGE;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(GrafanaDashboard.json(workspace));
    out.flush();
    return FetchboardCommand.OK;
  }
}
