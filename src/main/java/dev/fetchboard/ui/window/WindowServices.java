package dev.fetchboard.ui.window;

import dev.fetchboard.AppDirs;
import dev.fetchboard.state.RecoveryStore;
import dev.fetchboard.state.Settings;
import dev.fetchboard.state.SettingsFile;
import dev.fetchboard.state.WorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the window keeps between sessions and how it reaches files: loaded settings, where they and
 * the recovery copies go, the workspace store, how often the open file is checked for outside
 * changes, and the file dialogs.
 *
 * @param settingsFile where settings are saved, or null to keep them in memory
 * @param settingsNotice what went wrong reading the settings, or null
 * @param recovery the recovery folder, or null to keep no recovery copies
 */
public record WindowServices(
    Settings settings,
    SettingsFile settingsFile,
    String settingsNotice,
    RecoveryStore recovery,
    WorkspaceStore store,
    Duration watchInterval,
    FileChoice files) {

  /** How often the open workspace file is looked at for changes by other programs. */
  public static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

  /**
   * Settings from {@code config} (read here: call it off the FX thread) and recovery copies under
   * {@code data}/recovery.
   */
  public static WindowServices at(Path config, Path data) {
    var file = new SettingsFile(config);
    SettingsFile.Loaded loaded = file.load();
    return new WindowServices(
        loaded.settings(),
        loaded.writable() ? file : null,
        loaded.notice(),
        new RecoveryStore(data.resolve("recovery")),
        new WorkspaceStore(),
        WATCH_INTERVAL,
        FileChoice.dialogs());
  }

  public static WindowServices forUser(AppDirs dirs) {
    return at(dirs.config(), dirs.data());
  }

  /** Nothing kept on disk but the workspaces themselves. */
  public static WindowServices inMemory() {
    return new WindowServices(
        Settings.defaults(),
        null,
        null,
        null,
        new WorkspaceStore(),
        WATCH_INTERVAL,
        FileChoice.dialogs());
  }

  public WindowServices withStore(WorkspaceStore newStore) {
    return new WindowServices(
        settings, settingsFile, settingsNotice, recovery, newStore, watchInterval, files);
  }

  public WindowServices withFiles(FileChoice newFiles) {
    return new WindowServices(
        settings, settingsFile, settingsNotice, recovery, store, watchInterval, newFiles);
  }

  public WindowServices withWatchInterval(Duration interval) {
    return new WindowServices(
        settings, settingsFile, settingsNotice, recovery, store, interval, files);
  }
}
