package dev.fetchboard.cli;

import dev.fetchboard.Fetchboard;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fetchboard} command and its subcommands. */
@Command(
    name = "fetchboard",
    mixinStandardHelpOptions = true,
    versionProvider = FetchboardCommand.Version.class,
    description = {
      "Runs HTTP requests and PostgreSQL queries of a workspace, all at once, and shows the results.",
      "Without a command, `fetchboard` opens the window."
    },
    subcommands = {
      RunCommand.class,
      WatchCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 every panel succeeded and every check held; 1 a panel failed or a check did not"
          + " hold; 2 usage or file errors."
    })
public final class FetchboardCommand implements Runnable {
  /** Exit code when every panel succeeded and every check held. */
  public static final int OK = 0;

  /** Exit code when a panel failed or a check did not hold. */
  public static final int FAILED = 1;

  /** Exit code for usage errors and unreadable or invalid files. */
  public static final int USAGE = 2;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String[] args) {
    return execute(args, new PrintWriter(System.out, true), TerminalPrintWriter.of(System.err));
  }

  /** Runs the command line with the given streams (tests capture them). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    var cmd = new CommandLine(new FetchboardCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("fetchboard: " + ex.getMessage());
          return USAGE;
        });
    return cmd.execute(args);
  }

  /** Prints the version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "fetchboard " + Fetchboard.version(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
