package dev.fetchboard.cli;

import dev.fetchboard.interop.HttpFileWriter;
import dev.fetchboard.interop.Importers;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fetchboard export}: a workspace's HTTP panels as cURL commands or a .http file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a workspace's HTTP panels as cURL commands or a .http file; variables stay as"
          + " references.",
      "Exit code 0 ok, 2 usage or file errors."
    })
public final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "curl (default) or http (a JetBrains / VS Code .http file)")
  String format = "curl";

  @Option(
      names = {"-p", "--panel"},
      paramLabel = "ID",
      description = "export only this panel (repeatable); default: every HTTP panel")
  List<String> panelIds = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean http = format.equalsIgnoreCase("http");
    if (!http && !format.equalsIgnoreCase("curl")) {
      return usage(err, "--format must be curl or http, not '" + format + "'");
    }
    Workspace ws = workspaceOptions.load(err, "export");
    if (ws == null) {
      return FetchboardCommand.USAGE;
    }
    var panels = new ArrayList<PanelSpec>();
    if (panelIds.isEmpty()) {
      panels.addAll(ws.panels().stream().filter(p -> p.asHttp().isPresent()).toList());
    } else {
      for (String id : new LinkedHashSet<>(panelIds)) {
        var p = ws.panel(id);
        if (p.isEmpty()) {
          return usage(err, "no panel with id '" + id + "' in " + workspaceOptions.file);
        }
        if (p.get().asHttp().isEmpty()) {
          return usage(err, "panel '" + id + "' runs SQL; only HTTP panels export as cURL");
        }
        panels.add(p.get());
      }
    }
    if (panels.isEmpty()) {
      return usage(err, workspaceOptions.file + " has no HTTP panels");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(http ? HttpFileWriter.write(panels, ws.activeVariables()) : Importers.toCurl(panels));
    out.flush();
    return FetchboardCommand.OK;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("fetchboard export: " + message);
    return FetchboardCommand.USAGE;
  }
}
