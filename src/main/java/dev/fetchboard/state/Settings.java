package dev.fetchboard.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user's settings: window bounds, theme, the last workspace and the recently used files (most
 * recent first, at most {@link #MAX_RECENT}). Unknown keys are ignored so an older version can read
 * a newer file.
 *
 * @param window where the window was, or null for the default placement
 * @param theme "light" or "dark"
 * @param lastWorkspace the file open when the app last closed, or null
 * @param workspaces how each recent workspace file was last seen (auto-refresh, selected panel), by
 *     absolute path; only the recent files' entries are kept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(
    @Nullable WindowBounds window,
    String theme,
    @Nullable String lastWorkspace,
    List<String> recentFiles,
    Map<String, WorkspaceView> workspaces) {
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
    var kept = new LinkedHashMap<String, WorkspaceView>();
    if (workspaces != null) {
      for (String f : recentFiles) {
        WorkspaceView v = workspaces.get(f);
        if (v != null) {
          kept.put(f, v);
        }
      }
    }
    workspaces = Collections.unmodifiableMap(kept);
  }

  /**
   * How a workspace file was left: auto-refresh on or off, and the selected panel's id.
   *
   * @param selected the selected panel's id, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WorkspaceView(boolean autoRefresh, @Nullable String selected) {}

  /** How {@code file} was last left, or null when it was never seen (or long ago). */
  public @Nullable WorkspaceView viewOf(Path file) {
    return workspaces.get(key(file));
  }

  /** With {@code view} remembered for {@code file} (a recent file; others are not kept). */
  public Settings withView(Path file, WorkspaceView view) {
    var map = new LinkedHashMap<>(workspaces);
    map.put(key(file), view);
    return new Settings(window, theme, lastWorkspace, recentFiles, map);
  }

  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Settings of a first start. */
  public static Settings defaults() {
    return new Settings(null, LIGHT, null, List.of(), Map.of());
  }

  /** Where the window is and how large, in screen coordinates. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

  public Settings withWindow(WindowBounds bounds) {
    return new Settings(bounds, theme, lastWorkspace, recentFiles, workspaces);
  }

  public Settings withTheme(String newTheme) {
    return new Settings(window, newTheme, lastWorkspace, recentFiles, workspaces);
  }

  public boolean dark() {
    return DARK.equals(theme);
  }

  /** The file as the last workspace and first of the recent files (the oldest drops off). */
  public Settings withOpened(Path file) {
    String path = key(file);
    var recent = new ArrayList<String>();
    recent.add(path);
    recentFiles.stream().filter(f -> !f.equals(path)).forEach(recent::add);
    return new Settings(window, theme, path, recent, workspaces);
  }

  /** Without the file among the recent ones (it is gone, or the user cleared it). */
  public Settings withoutRecent(String path) {
    return new Settings(
        window,
        theme,
        path.equals(lastWorkspace) ? null : lastWorkspace,
        recentFiles.stream().filter(f -> !f.equals(path)).toList(),
        workspaces);
  }

  public Settings withNoRecent() {
    return new Settings(window, theme, lastWorkspace, List.of(), workspaces);
  }
}
