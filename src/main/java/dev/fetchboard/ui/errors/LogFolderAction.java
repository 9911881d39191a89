package dev.fetchboard.ui.errors;

import dev.fetchboard.errors.DesktopOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Help ▸ Open log folder and the banner's Open log: the desktop's opener runs on a worker thread;
 * when there is none, {@code showPath} gets the path to show instead (on the FX thread).
 */
public final class LogFolderAction {
  private final Path folder;
  private final Path file;
  private final DesktopOpener opener;
  private final Executor io;
  private final Consumer<Path> showPath;

  public LogFolderAction(Path file, DesktopOpener opener, Executor io, Consumer<Path> showPath) {
    this.file = file;
    this.folder = file.getParent();
    this.opener = opener;
    this.io = io;
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
    io.execute(
        () -> {
          Path existing = Files.exists(target) ? target : folder;
          if (!opener.open(existing)) {
            Platform.runLater(() -> showPath.accept(existing));
          }
        });
  }
}
