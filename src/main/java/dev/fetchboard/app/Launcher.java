package dev.fetchboard.app;

import dev.fetchboard.cli.FetchboardCommand;
import dev.fetchboard.errors.LogSetup;

/**
 * Entry point: with no arguments (or {@code gui}) it opens the window, otherwise it runs the
 * command line. The UI class is loaded by name so the command line never loads JavaFX.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Before anything logs: Logback writes to the log file, java.util.logging is routed there too.
    LogSetup.start();
    trainingRuns();
    if (args.length == 0 || args[0].equals("gui")) {
      String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
      if (Boolean.getBoolean("fetchboard.aotTraining") && rest.length > 0) {
        // The AOT training run records one process: let it run the command line's path too.
        FetchboardCommand.execute(new String[] {"run", rest[0]});
      }
      Class.forName("dev.fetchboard.ui.FetchboardApp")
          .getMethod("launchApp", String[].class)
          .invoke(null, (Object) rest);
      return;
    }
    FetchboardCommand.reportUncaughtErrors();
    System.exit(FetchboardCommand.execute(args));
  }

  /**
   * An AOT training run records one process (installer/build.sh, bench/run): with {@code
   * -Dfetchboard.aotTrainingRuns=FILE} it first runs each command line of FILE (one per line, words
   * split at spaces; output discarded), so the cache holds what all of them load and profile.
   */
  private static void trainingRuns() throws java.io.IOException {
    String file = System.getProperty("fetchboard.aotTrainingRuns");
    if (file == null) {
      return;
    }
    var quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
      if (!line.isBlank()) {
        FetchboardCommand.execute(line.strip().split("\\s+"), quiet, quiet);
      }
    }
  }
}
