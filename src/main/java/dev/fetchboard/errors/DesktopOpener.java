package dev.fetchboard.errors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens a file or folder with the desktop's own opener (xdg-open, open, explorer). It runs a
 * process and waits for it, so callers run it off the FX thread.
 */
public final class DesktopOpener {
  /** A system property naming another opener command (tests, or a desktop without xdg-open). */
  public static final String PROPERTY = "fetchboard.opener";

  private final List<String> command;

  public DesktopOpener(List<String> command) {
    this.command = List.copyOf(command);
  }

  /** The opener of this system, or the one named by {@value #PROPERTY}. */
  public static DesktopOpener forThisSystem() {
    String chosen = System.getProperty(PROPERTY);
    if (chosen != null && !chosen.isBlank()) {
      return new DesktopOpener(List.of(chosen.strip()));
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return new DesktopOpener(List.of("explorer"));
    }
    if (os.contains("mac")) {
      return new DesktopOpener(List.of("open"));
    }
    return new DesktopOpener(List.of("xdg-open"));
  }

  /**
   * Opens {@code path}; false when there is no opener or it said it could not (the caller then
   * shows the path instead).
   */
  public boolean open(Path path) {
    var args = new ArrayList<>(command);
    args.add(path.toString());
    try {
      Process p =
          new ProcessBuilder(args)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      // xdg-open returns once the file manager is started; one that hangs counts as opened.
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        return true;
      }
      // explorer exits with 1 even when it opened the folder.
      return p.exitValue() == 0 || command.getFirst().equals("explorer");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
