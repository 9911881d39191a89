package dev.fetchboard.ui.window;

import dev.fetchboard.state.DebouncedWriter;
import dev.fetchboard.state.Settings;
import dev.fetchboard.state.SettingsFile;
import dev.fetchboard.ui.UiExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The settings as the window changes them (FX thread), saved a moment after the last change on an
 * I/O thread. Without a settings file (tests, or a bad file that could not be moved aside) changes
 * live in memory only.
 */
public final class WindowSettings {
  /** How long settings wait after the last change before they are written. */
  static final Duration SAVE_DELAY = Duration.ofMillis(400);

  private final ObjectProperty<Settings> current;
  private final DebouncedWriter<Settings> writer;

  /**
   * @param file where to save, or null to keep settings in memory
   * @param onError told (on the FX thread) when a save fails
   */
  public WindowSettings(
      Settings initial,
      SettingsFile file,
      ScheduledExecutorService timer,
      UiExecutor ui,
      Consumer<String> onError) {
    current = new SimpleObjectProperty<>(initial);
    writer =
        file == null
            ? null
            : new DebouncedWriter<>(
                SAVE_DELAY,
                timer,
                ui.workers("settings"),
                file::save,
                why -> ui.onFx(() -> onError.accept("cannot save settings: " + why)));
    current.addListener(
        (o, a, b) -> {
          if (writer != null) {
            writer.submit(b);
          }
        });
  }

  public ObjectProperty<Settings> property() {
    return current;
  }

  public Settings get() {
    return current.get();
  }

  public void opened(Path file) {
    current.set(current.get().withOpened(file));
  }

  /** Remembers how {@code file} is being seen: auto-refresh and the selected panel. */
  public void remember(Path file, Settings.WorkspaceView view) {
    if (!view.equals(current.get().viewOf(file))) {
      current.set(current.get().withView(file, view));
    }
  }

  public void forget(String path) {
    current.set(current.get().withoutRecent(path));
  }

  public List<String> recent() {
    return current.get().recentFiles();
  }

  /**
   * Puts the stage where it was last time (when that is still on a screen) and follows its moves
   * and resizes from now on.
   */
  public void track(Stage stage) {
    Settings.WindowBounds b = current.get().window();
    if (b != null && onSomeScreen(b)) {
      stage.setX(b.x());
      stage.setY(b.y());
      stage.setWidth(b.width());
      stage.setHeight(b.height());
      stage.setMaximized(b.maximized());
    }
    Runnable record =
        () -> {
          if (stage.isMaximized() || stage.isIconified()) {
            // Keep the normal bounds, so un-maximising next time restores them.
            Settings.WindowBounds was = current.get().window();
            if (was != null && stage.isMaximized() && !was.maximized()) {
              current.set(
                  current
                      .get()
                      .withWindow(
                          new Settings.WindowBounds(
                              was.x(), was.y(), was.width(), was.height(), true)));
            }
            return;
          }
          current.set(
              current
                  .get()
                  .withWindow(
                      new Settings.WindowBounds(
                          stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false)));
        };
    stage.xProperty().addListener((o, a, v) -> record.run());
    stage.yProperty().addListener((o, a, v) -> record.run());
    stage.widthProperty().addListener((o, a, v) -> record.run());
    stage.heightProperty().addListener((o, a, v) -> record.run());
    stage.maximizedProperty().addListener((o, a, v) -> record.run());
  }

  private static boolean onSomeScreen(Settings.WindowBounds b) {
    if (b.width() < 200 || b.height() < 150) {
      return false;
    }
    return !Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 100), 50).isEmpty();
  }

  /** Writes what waits now (the app is closing). */
  public void flush() {
    if (writer != null) {
      writer.flush();
    }
  }
}
