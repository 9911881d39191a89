package dev.fetchboard.errors;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the log file lives: $XDG_STATE_HOME/fetchboard (~/.local/state/fetchboard), or the folder
 * named by the system property {@code fetchboard.logDir} (tests use it to keep out of the home).
 */
public final class LogFolder {
  /** The system property that overrides the folder. */
  public static final String PROPERTY = "fetchboard.logDir";

  /** The log file's name inside the folder; rotated copies are fetchboard.1.log and so on. */
  public static final String FILE_NAME = "fetchboard.log";

  private LogFolder() {}

  /** The folder for this process and user. */
  public static Path forUser() {
    return of(
        System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The folder given an override (may be null), an environment and a home. */
  public static Path of(String override, Map<String, String> env, Path home) {
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    String state = env.get("XDG_STATE_HOME");
    // The XDG spec says relative paths are invalid and must be ignored.
    Path base =
        state == null || state.isBlank() || !Path.of(state).isAbsolute()
            ? home.resolve(".local/state")
            : Path.of(state);
    return base.resolve("fetchboard");
  }
}
