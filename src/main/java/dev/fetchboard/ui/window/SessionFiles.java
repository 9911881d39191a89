package dev.fetchboard.ui.window;

import dev.fetchboard.engine.Workers;
import dev.fetchboard.state.ExternalChangeWatcher;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelHistory;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Everything one window keeps or watches on disk, built together: its settings, the recovery copy
 * of unsaved edits and the offer of a crashed session's edits, the file actions, and the watch on
 * the open file.
 */
public final class SessionFiles {
  private final ScheduledExecutorService timer = Workers.timer("window-state");
  private final WindowSettings settings;
  private final RecoveryKeeper recovery;
  private final ExternalChangeWatcher watcher;
  private final FileActions files;
  private final RecoveryOffer offer;

  /**
   * @param tell puts a line in the status bar
   * @param problem shows a problem plainly: a header and a message
   */
  public SessionFiles(
      WorkspaceViewModel model,
      PanelHistory history,
      WindowServices services,
      Banners banners,
      UiExecutor ui,
      Supplier<Window> owner,
      Consumer<String> tell,
      BiConsumer<String, String> problem) {
    settings = new WindowSettings(services.settings(), services.settingsFile(), timer, ui, tell);
    recovery = new RecoveryKeeper(model, services.recovery(), services.store(), timer, ui, tell);
    var changed = new FileActions[1];
    watcher =
        new ExternalChangeWatcher(
            services.watchInterval(), f -> ui.onFx(() -> changed[0].changedOnDisk(f)));
    files =
        new FileActions(
            model,
            history,
            services.store(),
            watcher,
            settings,
            recovery,
            banners,
            services.files(),
            ui,
            owner,
            problem);
    changed[0] = files;
    offer =
        new RecoveryOffer(
            services.recovery(),
            banners,
            ui,
            files::restore,
            m -> problem.accept("Cannot restore", m));
    if (services.settingsNotice() != null) {
      tell.accept(services.settingsNotice());
      // Also in the log: the status bar line is replaced by the next message.
      System.err.println("fetchboard: " + services.settingsNotice());
    }
  }

  public FileActions files() {
    return files;
  }

  public WindowSettings settings() {
    return settings;
  }

  /** Offers edits a crashed session left behind, if any (looked for off the FX thread). */
  public void offerRecovery() {
    offer.offer();
  }

  /** Writes pending settings and recovery changes and stops watching (the app closes). */
  public void close() {
    settings.flush();
    recovery.flush();
    watcher.close();
    timer.shutdownNow();
  }
}
