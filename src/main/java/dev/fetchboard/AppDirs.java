package dev.fetchboard;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Fetchboard keeps things, following the XDG base directories: settings under
 * $XDG_CONFIG_HOME/fetchboard (~/.config/fetchboard), data such as the embedded database and the
 * sample workspace under $XDG_DATA_HOME/fetchboard (~/.local/share/fetchboard).
 */
public record AppDirs(Path config, Path data) {

  /** The directories for this user. */
  public static AppDirs forUser() {
    return from(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The directories for a given environment and home (tests pass their own). */
  public static AppDirs from(Map<String, String> env, Path home) {
    return new AppDirs(
        base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("fetchboard"),
        base(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("fetchboard"));
  }

  private static Path base(String value, Path fallback) {
    // The XDG spec says relative paths are invalid and must be ignored.
    if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
      return fallback;
    }
    return Path.of(value);
  }
}
