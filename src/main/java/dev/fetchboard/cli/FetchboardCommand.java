package dev.fetchboard.cli;

/** The command line (placeholder; being written). */
public final class FetchboardCommand {
  private FetchboardCommand() {}

  public static int execute(String[] args) {
    System.err.println("not yet");
    return 2;
  }
}
