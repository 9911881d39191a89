package dev.fetchboard.cli;

import dev.fetchboard.build.BuildInfo;
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
      ServeCommand.class,
      GrafanaCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 every panel succeeded and every check held; 1 a panel failed or a check did not"
          + " hold; 2 usage or file errors, or an unexpected error (one line here, the details"
          + " in the log)."
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
    return execute(new CommandLine(new FetchboardCommand()), args, out, err);
  }

  /**
   * Runs {@code cmd}: whatever it throws, the person gets one line and an exit code (see {@link
   * UnexpectedErrors}), never a stack trace.
   */
  static int execute(CommandLine cmd, String[] args, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(
        (ex, badArgs) -> {
          CommandLine c = ex.getCommandLine();
          String name = c.getCommandSpec().qualifiedName();
          c.getErr()
              .println(
                  name
                      + ": "
                      + UnexpectedErrors.oneLine(ex.getMessage())
                      + " ("
                      + name
                      + " --help shows the options)");
          c.getErr().flush();
          return USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            UnexpectedErrors.report(ex, commandLine.getCommandName(), commandLine.getErr()));
    try {
      return cmd.execute(args);
    } catch (Throwable t) {
      // picocli hands Errors (out of memory, stack overflow) straight through.
      return UnexpectedErrors.report(t, commandName(args), err);
    }
  }

  /**
   * Makes an error escaping a background thread one line on stderr (once) and a logged trace,
   * instead of the JVM's stack trace on the terminal. For the command line only.
   */
  public static void reportUncaughtErrors() {
    var err = TerminalPrintWriter.of(System.err);
    var told = new java.util.concurrent.atomic.AtomicBoolean();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> UnexpectedErrors.background(e, told, err));
  }

  private static String commandName(String[] args) {
    return args.length > 0 && args[0].matches("[a-z]{2,12}") ? args[0] : "";
  }

  /** Prints the version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "fetchboard " + BuildInfo.version(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
