package dev.fetchboard.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings: window bounds, theme, the last workspace and the recently used files (most
 * recent first, at most {@link #MAX_RECENT}). Unknown keys are ignored so an older version can read
 * a newer file.
 *
 * @param window where the window was, or null for the default placement
 * @param theme "light" or "dark"
 * @param lastWorkspace the file open when the app last closed, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(
    WindowBounds window, String theme, String lastWorkspace, List<String> recentFiles) {
  /** How many recent files are remembered. */
  public static final int MAX_RECENT = 10;

  public static final String LIGHT = "light";
  public static final String DARK = "dark";

  public Settings {
    theme = DARK.equals(theme) ? DARK : LIGHT;
    recentFiles =
        recentFiles == null
            ? List.of()
            : recentFiles.stream()
                .filter(f -> f != null && !f.isBlank())
                .distinct()
                .limit(MAX_RECENT)
                .toList();
  }

  /** Settings of a first start. */
  public static Settings defaults() {
    return new Settings(null, LIGHT, null, List.of());
  }

  /** Where the window is and how large, in screen coordinates. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

  public Settings withWindow(WindowBounds bounds) {
    return new Settings(bounds, theme, lastWorkspace, recentFiles);
  }

  public Settings withTheme(String newTheme) {
    return new Settings(window, newTheme, lastWorkspace, recentFiles);
  }

  public boolean dark() {
    return DARK.equals(theme);
  }

  /** The file as the last workspace and first of the recent files (the oldest drops off). */
  public Settings withOpened(Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    var recent = new ArrayList<String>();
    recent.add(path);
    recentFiles.stream().filter(f -> !f.equals(path)).forEach(recent::add);
    return new Settings(window, theme, path, recent);
  }

  /** Without the file among the recent ones (it is gone, or the user cleared it). */
  public Settings withoutRecent(String path) {
    return new Settings(
        window,
        theme,
        path.equals(lastWorkspace) ? null : lastWorkspace,
        recentFiles.stream().filter(f -> !f.equals(path)).toList());
  }

  public Settings withNoRecent() {
    return new Settings(window, theme, lastWorkspace, List.of());
  }
}
