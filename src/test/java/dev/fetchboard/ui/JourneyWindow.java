package dev.fetchboard.ui;

import static dev.fetchboard.testing.FxWait.waitUntil;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.ui.dashboard.TileView;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.window.FileChoice;
import dev.fetchboard.ui.window.WindowServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real window on settings folders of its own, with file dialogs answered as a user picking a file
 * would, for journey tests that drive it with keys and clicks. Made on the FX thread (in a test's
 * {@code @Start}); {@link #close} after each test.
 */
public final class JourneyWindow implements AutoCloseable {
  public final FxRobot robot = new FxRobot();
  public final Engine engine;
  public final UiDispatcher dispatcher = new UiDispatcher();
  public final WorkspaceViewModel model;
  public final MainWindow window;
  public final Stage stage;

  /** A folder for the test's workspace files. */
  public final Path work;

  private final AtomicReference<Path> nextChoice = new AtomicReference<>();
  private final List<Runnable> cleanup = new ArrayList<>();

  public JourneyWindow() throws Exception {
    Path home = Files.createTempDirectory("fetchboard-journey");
    work = Files.createDirectories(home.resolve("work"));
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new HttpSource(), new SqlSource(null, Map.of(), Path.of("/nonexistent"))));
    model = new WorkspaceViewModel(engine, dispatcher);
    FileChoice chooser =
        new FileChoice() {
          @Override
          public Path toOpen(Window owner) {
            return nextChoice.getAndSet(null);
          }

          @Override
          public Path toSave(Window owner, String suggestedName) {
            return nextChoice.getAndSet(null);
          }
        };
    var services =
        WindowServices.at(home.resolve("config"), home.resolve("data"))
            .withFiles(chooser)
            .withWatchInterval(Duration.ofSeconds(5));
    window =
        new MainWindow(
            model,
            dispatcher,
            spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"),
            services);
    stage = new Stage();
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    window.installShortcuts(scene);
    window.bindTitle(stage);
    stage.setScene(scene);
    stage.show();
  }

  /** Writes {@code yaml} to {@code name} in the work folder. */
  public Path file(String name, String yaml) throws Exception {
    return Files.writeString(work.resolve(name), yaml);
  }

  /** Opens {@code file} with Ctrl+O and waits until the window shows it. */
  public void open(Path file) throws Exception {
    nextChoice.set(file);
    press(KeyCode.CONTROL, KeyCode.O);
    waitUntil(
        "the window shows " + file.getFileName() + " (status: " + model.messageProperty().get(),
        () -> file.equals(model.fileProperty().get()) && !model.dirtyProperty().get());
  }

  /** Presses {@code keys} in the window. */
  public void press(KeyCode... keys) {
    robot.interact(
        () -> {
          stage.toFront();
          stage.requestFocus();
          stage.getScene().getRoot().requestFocus();
        });
    robot.push(keys);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Clicks the node {@code query} finds in the window ("#run-all", "Edit"). */
  public void click(String query) {
    robot.clickOn(robot.from(window).lookup(query).queryAs(Node.class));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The tile of panel {@code id}, once it is on screen. */
  public TileView tile(String id) throws Exception {
    waitUntil("tile " + id + " is on screen", () -> tileOrNull(id) != null);
    return tileOrNull(id);
  }

  private TileView tileOrNull(String id) {
    return robot.from(window).lookup(".tile").queryAllAs(TileView.class).stream()
        .filter(t -> t.viewModel().id().equals(id))
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream().filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    window.close();
    cleanup.forEach(Runnable::run);
    model.close();
    engine.close();
  }
}
