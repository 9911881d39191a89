package dev.fetchboard.cli;

import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a workspace takes: the file, and the environment to use. */
final class WorkspaceOptions {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "the workspace file (YAML)")
  Path file;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "NAME",
      description = "the environment whose variables to use (default: the workspace's own)")
  String environment;

  /**
   * The workspace with the chosen environment active, or null after telling {@code err} why it
   * cannot be used (the caller then exits with the usage code).
   */
  Workspace load(PrintWriter err, String command) {
    Workspace workspace;
    try {
      workspace = new WorkspaceFile().read(file);
    } catch (WorkspaceException e) {
      err.println(e.getMessage());
      return null;
    }
    if (environment == null) {
      return workspace;
    }
    if (!workspace.environments().containsKey(environment)) {
      err.println(
          "fetchboard "
              + command
              + ": no environment named '"
              + environment
              + "' in "
              + file
              + known(workspace.environments().keySet()));
      return null;
    }
    return workspace.withEnvironment(environment);
  }

  static String known(Collection<String> names) {
    return names.isEmpty() ? " (there are none)" : " (known: " + String.join(", ", names) + ")";
  }
}
