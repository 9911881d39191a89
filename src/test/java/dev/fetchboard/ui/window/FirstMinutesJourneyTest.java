package dev.fetchboard.ui.window;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.dashboard.TileView;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first minutes of a new user (issue 22), driven through the real window with keys and clicks:
 * edit with auto-refresh on, add panels, save, quit and open again.
 */
@ExtendWith(ApplicationExtension.class)
class FirstMinutesJourneyTest {
  private final FxRobot robot = new FxRobot();
  private final AtomicReference<Path> nextChoice = new AtomicReference<>();
  private final List<Runnable> cleanup = new ArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private TestHttpServer server;
  private Engine engine;
  private Stage stage;
  private Path config;
  private Path data;
  private Path work;
  private UiDispatcher dispatcher;
  private WorkspaceViewModel model;
  private MainWindow window;

  /** Answers file dialogs with {@link #nextChoice}, as a user picking a file would. */
  private final FileChoice chooser =
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

  @Start
  void start(Stage primary) throws Exception {
    stage = new Stage();
    Path home = Files.createTempDirectory("fetchboard-journey");
    config = home.resolve("config");
    data = home.resolve("data");
    work = Files.createDirectories(home.resolve("work"));
    server = new TestHttpServer();
    for (String path : List.of("/a", "/b", "/c")) {
      hits.put(path, new AtomicInteger());
      server.handle(
          path,
          ex -> {
            hits.get(path).incrementAndGet();
            TestHttpServer.send(ex, 200, "application/json", "[{\"id\":1,\"name\":\"x\"}]");
          });
    }
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new HttpSource(), new SqlSource(null, Map.of(), Path.of("/nonexistent"))));
    dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    window = newWindow(model, stage);
  }

  private MainWindow newWindow(WorkspaceViewModel m, Stage on) {
    var services =
        WindowServices.at(config, data).withFiles(chooser).withWatchInterval(Duration.ofSeconds(5));
    var w =
        new MainWindow(
            m,
            dispatcher,
            spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"),
            services);
    var scene = new Scene(w, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    w.installShortcuts(scene);
    w.bindTitle(on);
    w.confirmCloseWhenEdited(on);
    on.setScene(scene);
    on.show();
    cleanup.add(w::close);
    return w;
  }

  @AfterEach
  void tearDown() {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream().filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    cleanup.forEach(Runnable::run);
    model.close();
    engine.close();
    server.close();
  }

  /** A workspace of three HTTP panels on the test server, each refreshing every minute. */
  private Path threeMinutePanels() throws Exception {
    var yaml = new StringBuilder("fetchboard: 1\nname: Minutes\npanels:\n");
    for (String id : List.of("a", "b", "c")) {
      yaml.append("  - id: ")
          .append(id)
          .append("\n    http:\n      url: ")
          .append(server.url("/" + id))
          .append("\n    refresh: 60s\n");
    }
    return Files.writeString(work.resolve("minutes.yaml"), yaml);
  }

  private void press(KeyCode... keys) {
    robot.interact(
        () -> {
          stage.toFront();
          stage.requestFocus();
          stage.getScene().getRoot().requestFocus();
        });
    robot.push(keys);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void openThroughTheWindow(Path file) throws Exception {
    nextChoice.set(file);
    press(KeyCode.CONTROL, KeyCode.O);
    waitUntil(
        "the window shows " + file.getFileName() + " (status: " + model.messageProperty().get(),
        () -> file.equals(model.fileProperty().get()) && !model.dirtyProperty().get());
  }

  private Node tile(String id) throws Exception {
    waitUntil("tile " + id + " is on screen", () -> tileOrNull(id) != null);
    return tileOrNull(id);
  }

  private Node tileOrNull(String id) {
    return robot.from(window).lookup(".tile").queryAllAs(TileView.class).stream()
        .filter(t -> t.viewModel().id().equals(id))
        .findFirst()
        .orElse(null);
  }

  private int hits(String id) {
    return hits.get("/" + id).get();
  }

  /** Waits a moment in which nothing should happen, then lets the FX thread catch up. */
  private static void quietly(long millis) throws InterruptedException {
    Thread.sleep(millis);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void editingOrAddingAPanelNeverRunsTheOthersAndARefreshChangeReArmsOnlyItsPanel()
      throws Exception {
    openThroughTheWindow(threeMinutePanels());
    robot.clickOn(robot.from(window).lookup("#auto-refresh").queryAs(Node.class));
    waitUntil(
        "each panel ran once as auto-refresh started",
        () -> hits("a") == 1 && hits("b") == 1 && hits("c") == 1);

    robot.clickOn(tile("a"));
    robot.clickOn(robot.from(window).lookup("Edit").queryAs(Node.class));
    robot.clickOn(robot.from(window).lookup("#panel-title").queryAs(TextField.class));
    robot.write("xyz");
    quietly(800);
    assertThat(model.workspace().panel("a").orElseThrow().title()).contains("xyz");
    assertThat(List.of(hits("a"), hits("b"), hits("c")))
        .as("typing in a title runs no panel (each ran once, as refresh started)")
        .containsExactly(1, 1, 1);

    robot.clickOn(robot.from(window).lookup("#add-http").queryAs(Node.class));
    quietly(800);
    assertThat(List.of(hits("a"), hits("b"), hits("c")))
        .as("adding a panel runs no other panel")
        .containsExactly(1, 1, 1);

    robot.clickOn(tile("a"));
    robot.clickOn(robot.from(window).lookup("Edit").queryAs(Node.class));
    TextField refresh = robot.from(window).lookup("#refresh").queryAs(TextField.class);
    robot.doubleClickOn(refresh);
    robot.interact(refresh::selectAll);
    robot.write("1s");
    waitUntil("panel a refreshes on its new interval", () -> hits("a") >= 3);
    assertThat(List.of(hits("b"), hits("c")))
        .as("the others keep their minute")
        .containsExactly(1, 1);
  }

  private List<String> selectedTiles() {
    return robot.from(window).lookup(".tile").queryAllAs(TileView.class).stream()
        .filter(t -> t.getStyleClass().contains("selected"))
        .map(t -> t.viewModel().id())
        .toList();
  }

  @Test
  void exactlyOneTileLooksSelectedAfterAddingPanelsAndClickingAround() throws Exception {
    openThroughTheWindow(threeMinutePanels());
    robot.clickOn(tile("a"));
    robot.clickOn(robot.from(window).lookup("#add-http").queryAs(Node.class));
    robot.clickOn(tile("b"));
    assertThat(selectedTiles()).containsExactly("b");
    robot.clickOn(robot.from(window).lookup("#add-sql").queryAs(Node.class));
    robot.clickOn(tile("c"));
    robot.clickOn(robot.from(window).lookup("#add-http").queryAs(Node.class));
    robot.clickOn(tile("a"));
    assertThat(selectedTiles()).containsExactly("a");
    assertThat(model.panels().stream().map(p -> p.spec().displayTitle()))
        .as("new panels can be told apart")
        .containsSubsequence("New request", "New query", "New request 2");
  }

  @Test
  void aDeletedPanelBroughtBackByUndoLeavesNoLiveHiddenTile() throws Exception {
    openThroughTheWindow(threeMinutePanels());
    TileView before = (TileView) tile("b");
    robot.clickOn(before);
    press(KeyCode.DELETE);
    assertThat(model.workspace().panel("b")).isEmpty();
    press(KeyCode.CONTROL, KeyCode.Z);
    TileView after = (TileView) tile("b");
    assertThat(after).isNotSameAs(before);
    robot.clickOn(robot.from(window).lookup("#run-all").queryAs(Node.class));
    try {
      waitUntil("b ran", () -> hits("b") == 1 && "ok".equals(stateText(after)));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + ": b hits " + hits("b") + ", tile says " + stateText(after), e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stateText(before))
        .as("the tile that left the dashboard no longer follows its panel")
        .isEqualTo("idle");
  }

  private static String stateText(TileView tile) {
    return ((javafx.scene.control.Label) tile.lookup(".tile-state")).getText();
  }

  /** Clicks {@code button} in the dialog whose pane has {@code id}, once it shows. */
  private void answer(String id, String button) throws Exception {
    waitUntil("the dialog " + id + " shows", () -> robot.lookup("#" + id).tryQuery().isPresent());
    Node dialog = robot.lookup("#" + id).query();
    robot.clickOn(robot.from(dialog).lookup(button).queryButton());
  }

  @Test
  void aSavedPanelThatWouldNotRunIsWarnedAboutAndTheFileStillOpens() throws Exception {
    Path file = threeMinutePanels();
    openThroughTheWindow(file);
    // + HTTP leaves the prefilled "https://"; the user saves before filling it in.
    robot.clickOn(robot.from(window).lookup("#add-http").queryAs(Node.class));
    press(KeyCode.CONTROL, KeyCode.S);
    answer("save-problems", "Cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.dirtyProperty().get()).as("Cancel writes nothing").isTrue();
    assertThat(Files.readString(file)).doesNotContain("request-1");
    press(KeyCode.CONTROL, KeyCode.S);
    answer("save-problems", "Save anyway");
    waitUntil("saved", () -> !model.dirtyProperty().get());
    assertThat(Files.readString(file)).contains("request-1");

    press(KeyCode.CONTROL, KeyCode.N);
    openThroughTheWindow(file);
    assertThat(model.panels()).extracting(PanelViewModel::id).contains("a", "b", "c", "request-1");
    assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no modal refusal").isEmpty();
    Node bad = tile("request-1");
    var problem = (javafx.scene.control.Label) bad.lookup(".tile-problem");
    assertThat(problem.isVisible()).isTrue();
    assertThat(problem.getText()).contains("URL");
    robot.clickOn(bad);
    robot.clickOn(robot.from(window).lookup("Edit").queryAs(Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(
            robot
                .from(window)
                .lookup(".field-error")
                .queryAllAs(javafx.scene.control.Label.class)
                .stream()
                .filter(Node::isVisible)
                .map(javafx.scene.control.Label::getText))
        .as("the form says what is wrong")
        .isNotEmpty();
    // Fixing it in the form clears the tile's problem.
    TextField url = robot.from(window).lookup("#url").queryAs(TextField.class);
    robot.clickOn(url);
    robot.write("127.0.0.1:" + server.port() + "/a");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(problem.isVisible()).isFalse();
  }

  @Test
  void autoRefreshAndTheSelectedPanelAreAsTheUserLeftThemWhenTheFileOpensAgain() throws Exception {
    Path file = threeMinutePanels();
    openThroughTheWindow(file);
    robot.clickOn(robot.from(window).lookup("#auto-refresh").queryAs(Node.class));
    robot.clickOn(tile("b"));
    // Quit, and start again: a new window on the same settings opens the file.
    robot.interact(stage::close);
    window.close();
    model.close();
    var again = new Stage[1];
    robot.interact(() -> again[0] = new Stage());
    stage = again[0];
    model = new WorkspaceViewModel(engine, dispatcher);
    robot.interact(() -> window = newWindow(model, stage));
    openThroughTheWindow(file);
    var toggle = robot.from(window).lookup("#auto-refresh").queryAs(ToggleButton.class);
    assertThat(toggle.isSelected()).as("auto-refresh is on again").isTrue();
    assertThat(model.selectedProperty().get().id()).isEqualTo("b");
    assertThat(selectedTiles()).containsExactly("b");
  }

  @Test
  void aSaveAsCopyOfTheSampleReopenedAfterARestartHasItsApi() throws Exception {
    // What Save As of the sample writes, reopened in a new session (nothing started the API).
    Path copy =
        Files.writeString(
            work.resolve("my-board.yaml"), dev.fetchboard.embedded.SampleWorkspace.bundledText());
    var link = new SampleApiLink();
    cleanup.add(link::close);
    window.fileActions().beforeShowing(link);
    openThroughTheWindow(copy);
    robot.clickOn(robot.from(window).lookup("#run-all").queryAs(Node.class));
    try {
      waitUntil(
          "the sample's API answers its health panel (its latency check may fail on a busy box)",
          () -> {
            var r = panel("api-health").resultProperty().get();
            return r != null && r.httpStatus().orElse(0) == 200;
          });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + ": "
              + panel("api-health").problemProperty().get()
              + " / api "
              + link.baseUrl()
              + " "
              + link.problem(),
          e);
    }
  }

  @Test
  void theStatusBarKeepsItsCountsReadableAndForgetsSavedAtTheNextEdit() throws Exception {
    String longName = "a-workspace-file-with-a-name-long-enough-to-fill-the-status-bar-".repeat(2);
    Path file = Files.copy(threeMinutePanels(), work.resolve(longName + ".yaml"));
    openThroughTheWindow(file);
    press(KeyCode.CONTROL, KeyCode.S);
    waitUntil("saved", () -> String.valueOf(model.messageProperty().get()).startsWith("saved"));
    var activity = robot.from(window).lookup("#status-activity").queryAs(Label.class);
    waitUntil("the counts show", () -> !activity.getText().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(activity.getWidth())
        .as("a long message never squeezes the counts")
        .isGreaterThanOrEqualTo(activity.prefWidth(-1) - 0.5);
    robot.clickOn(tile("a"));
    robot.clickOn(robot.from(window).lookup("Edit").queryAs(Node.class));
    robot.clickOn(robot.from(window).lookup("#panel-title").queryAs(TextField.class));
    robot.write("z");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(robot.from(window).lookup("#status-message").queryAs(Label.class).getText())
        .as("'saved …' is no longer true once edited")
        .doesNotStartWith("saved");
  }

  private PanelViewModel panel(String id) {
    return model.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
