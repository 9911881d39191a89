package dev.fetchboard.ui.errors;

import dev.fetchboard.errors.DesktopOpener;
import dev.fetchboard.ui.UiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Help ▸ Open log folder and the banner's Open log: the desktop's opener runs on a worker thread;
 * when there is none, {@code showPath} gets the path to show instead (on the FX thread).
 */
public final class LogFolderAction {
  private final Path folder;
  private final Path file;
  private final DesktopOpener opener;
  private final UiExecutor ui;
  private final Consumer<Path> showPath;

  public LogFolderAction(Path file, DesktopOpener opener, UiExecutor ui, Consumer<Path> showPath) {
    this.file = file;
    this.folder = file.getParent();
    this.opener = opener;
    this.ui = ui;
    this.showPath = showPath;
  }

  /** Opens the folder that holds the log. */
  public void openFolder() {
    open(folder);
  }

  /** Opens the log file itself (its folder when there is no file yet). */
  public void openFile() {
    open(file);
  }

  private void open(Path target) {
    ui.execute(
        "log-folder",
        () -> {
          Path existing = Files.exists(target) ? target : folder;
          if (!opener.open(existing)) {
            ui.onFx(() -> showPath.accept(existing));
          }
        });
  }
}
