package dev.fetchboard.cli;

import dev.fetchboard.alerts.Alerts;
import dev.fetchboard.alerts.TargetAnswer;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fetchboard alert-test}: one test message to each alert target, and how each answered. */
@Command(
    name = "alert-test",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one test message to each target of the workspace's alerts: and prints each target's"
          + " answer.",
      "Exit code 0 when every target took it, 1 when any did not, 2 when the workspace cannot be"
          + " read or has no alerts."
    })
public final class AlertTestCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  /** Where {@code ${env:NAME}} values come from (tests set it). */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(spec.commandLine().getOut()), true);
    PrintWriter err = spec.commandLine().getErr();
    Workspace workspace = workspaceOptions.load(err, "alert-test");
    if (workspace == null) {
      return FetchboardCommand.USAGE;
    }
    if (workspace.alerts().isEmpty()) {
      err.println(
          "fetchboard alert-test: "
              + workspaceOptions.file
              + " has no alerts: section (docs/alerts.md shows how to write one)");
      return FetchboardCommand.USAGE;
    }
    List<TargetAnswer> answers;
    try (Alerts alerts = Alerts.forWorkspace(workspace, environment)) {
      answers = alerts.sendTest();
    }
    int failed = 0;
    for (TargetAnswer a : answers) {
      out.println((a.delivered() ? "✔ " : "✘ ") + a.target() + ": " + a.answer());
      if (!a.delivered()) {
        failed++;
      }
    }
    out.println(
        (answers.size() - failed)
            + " of "
            + answers.size()
            + " alert targets took the test message");
    out.flush();
    return failed == 0 ? FetchboardCommand.OK : FetchboardCommand.FAILED;
  }
}
