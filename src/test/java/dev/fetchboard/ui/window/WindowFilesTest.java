package dev.fetchboard.ui.window;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.state.SettingsFile;
import dev.fetchboard.state.WorkspaceStore;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.AtomicFiles;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
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
 * Files, settings, recovery and panel history through the real window (headless Monocle): what a
 * user does with the keyboard and menus, and what ends up on disk.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFilesTest {
  /** Every field an HTTP and a SQL panel can have. */
  static final String EVERY_FIELD =
      """
      fetchboard: 1
      name: Every field
      environment: local
      environments:
        local:
          api: http://127.0.0.1:9
      connections:
        shop:
          url: postgresql://app@127.0.0.1:5432/shop
          password: ${env:SHOP_DB_PASSWORD}
          maxConcurrency: 4
      panels:
        - id: orders
          title: Orders API
          http:
            method: POST
            url: ${api}/orders
            query:
              limit: "50"
            headers:
              Accept: application/json
              X-Trace: t1
            body:
              json:
                sku: SKU-1
                quantity: 2
            auth:
              bearer: ${env:API_TOKEN}
            timeout: 5s
            followRedirects: false
            retries: 2
            maxBytes: 10MB
            insecure: true
          view: value
          rows: $.items
          value: $.id
          refresh: 10s
          checks:
            - status: 200
            - latencyUnder: 500ms
            - jsonPath:
                path: $.items[0].id
                exists: true
        - id: open-orders
          title: Open orders
          sql:
            connection: shop
            query: select count(*) from orders where status = :status
            params:
              status: open
            maxRows: 1000
            timeout: 30s
            allowWrites: true
          view: chart
          refresh: 30s
          checks:
            - value:
                greaterThan: 0
            - rowCount:
                atLeast: 1
      """;

  private Engine engine;
  private Stage stage;
  private Path home;
  private Path config;
  private Path data;
  private Path work;
  private final AtomicBoolean diskFull = new AtomicBoolean();
  private final AtomicReference<Path> nextChoice = new AtomicReference<>();
  private final List<Runnable> cleanup = new ArrayList<>();
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

  /** Writes half the bytes, then fails as a full disk does (simulated: CI has no full disk). */
  private final AtomicFiles.ContentWriter switchableDisk =
      (ch, buf) -> {
        if (diskFull.get()) {
          buf.limit(buf.limit() / 2);
          ch.write(buf);
          throw new java.nio.file.FileSystemException(null, null, "No space left on device");
        }
        AtomicFiles.FSYNC.write(ch, buf);
      };

  @Start
  void start(Stage primary) throws Exception {
    // A stage of its own: TestFX reuses its primary stage from test to test.
    this.stage = new Stage();
    home = Files.createTempDirectory("fetchboard-home");
    config = home.resolve("config/fetchboard");
    data = home.resolve("data/fetchboard");
    work = Files.createDirectories(home.resolve("work"));
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new HttpSource(), new SqlSource(null, Map.of(), Path.of("/nonexistent"))));
    model = new WorkspaceViewModel(engine, new UiDispatcher());
    window = newWindow(model, services(), stage);
  }

  private WindowServices services() {
    return WindowServices.at(config, data)
        .withStore(new WorkspaceStore(switchableDisk))
        .withFiles(chooser)
        .withWatchInterval(Duration.ofMillis(100));
  }

  private MainWindow newWindow(WorkspaceViewModel m, WindowServices services, Stage on) {
    var w =
        new MainWindow(
            m,
            new UiDispatcher(),
            spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"),
            services);
    var scene = new Scene(w, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    w.installShortcuts(scene);
    w.bindTitle(on);
    w.confirmCloseWhenEdited(on);
    w.trackWindow(on);
    on.setScene(scene);
    on.show();
    cleanup.add(w::close);
    return w;
  }

  @AfterEach
  void tearDown() throws Exception {
    closeDialogs();
    robot.interact(() -> stage.close());
    cleanup.forEach(Runnable::run);
    engine.close();
  }

  private void openThroughTheWindow(Path file) throws Exception {
    nextChoice.set(file);
    press(KeyCode.CONTROL, KeyCode.O);
    try {
      waitUntil(
          "the window shows " + file.getFileName(),
          () -> file.equals(model.fileProperty().get()) && !model.dirtyProperty().get());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the status bar says: " + message(), e);
    }
  }

  private FxRobot robot = new FxRobot();

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

  private List<String> ids() {
    return model.panels().stream().map(PanelViewModel::id).toList();
  }

  private PanelViewModel panel(String id) {
    return model.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private void select(String id) {
    robot.interact(() -> model.selectedProperty().set(panel(id)));
  }

  /** Fires a toolbar button of this test's window (stages may overlap on the headless screen). */
  private void fire(String query) {
    Button b = robot.from(window).lookup(query).queryButton();
    robot.interact(b::fire);
  }

  private void showEditTab() {
    var tabs = robot.from(window).lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(1));
  }

  /** Answers the unsaved-changes prompt. */
  private void answer(String button) throws Exception {
    waitUntil("the prompt shows", () -> robot.lookup("#unsaved-prompt").tryQuery().isPresent());
    Node prompt = robot.lookup("#unsaved-prompt").query();
    Button b = robot.from(prompt).lookup(button).queryButton();
    robot.interact(b::fire);
  }

  /** Answers "Save anyway" to the warning about panels that would not run. */
  private void saveAnyway() throws Exception {
    waitUntil("the warning shows", () -> robot.lookup("#save-problems").tryQuery().isPresent());
    Node warning = robot.lookup("#save-problems").query();
    robot.interact(robot.from(warning).lookup("Save anyway").queryButton()::fire);
  }

  private String message() {
    return String.valueOf(model.messageProperty().get());
  }

  private void closeDialogs() {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream()
                    .filter(w -> w != stage && w instanceof Stage)
                    .forEach(w -> ((Stage) w).close()));
  }

  @Test
  void everyFieldOfAnHttpAndASqlPanelSurvivesSaveAsNewAndOpen() throws Exception {
    Path original = Files.writeString(work.resolve("every.yaml"), EVERY_FIELD);
    Workspace expected = new WorkspaceFile().read(original);
    openThroughTheWindow(original);
    // Look at both panels in the form, as a user would: showing them must not change them.
    select("open-orders");
    showEditTab();
    select("orders");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.workspace()).isEqualTo(expected);

    Path copy = work.resolve("copy.yaml");
    nextChoice.set(copy);
    press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
    waitUntil(
        "the copy is saved", () -> copy.equals(model.fileProperty().get()) && Files.exists(copy));

    press(KeyCode.CONTROL, KeyCode.N);
    assertThat(model.workspace().panels()).isEmpty();
    assertThat(model.fileProperty().get()).isNull();

    openThroughTheWindow(copy);
    assertThat(model.workspace()).isEqualTo(expected);
    assertThat(Files.readString(copy)).isEqualTo(new WorkspaceFile().toYaml(expected));
    assertThat(new SettingsFile(config).load().settings().recentFiles())
        .startsWith(copy.toString(), original.toString());
  }

  @Test
  void lookingAtPanelsInTheFormDoesNotEditThem() throws Exception {
    Path file =
        Files.writeString(
            work.resolve("minimal.yaml"),
            """
            fetchboard: 1
            name: minimal
            connections:
              db:
                url: postgresql://app@127.0.0.1:5432/db
            panels:
              - id: a
                http:
                  url: http://127.0.0.1:9/a
              - id: q
                sql:
                  connection: db
                  query: select 1
            """);
    Workspace expected = new WorkspaceFile().read(file);
    nextChoice.set(file);
    press(KeyCode.CONTROL, KeyCode.O);
    waitUntil("opened", () -> file.equals(model.fileProperty().get()));
    showEditTab();
    select("q");
    select("a");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.workspace()).isEqualTo(expected);
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void aFormEditIsInTheSavedFileAndTheTitleShowsUnsavedEdits() throws Exception {
    Path file = Files.writeString(work.resolve("w.yaml"), EVERY_FIELD);
    openThroughTheWindow(file);
    assertThat(stage.getTitle()).isEqualTo("Fetchboard — Every field");
    showEditTab();
    var title = robot.lookup("#url").queryAs(javafx.scene.control.TextField.class);
    robot.interact(() -> title.setText("${api}/orders/v2"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getTitle()).isEqualTo("Fetchboard — Every field •");
    press(KeyCode.CONTROL, KeyCode.S);
    waitUntil("saved", () -> !model.dirtyProperty().get());
    assertThat(stage.getTitle()).isEqualTo("Fetchboard — Every field");
    assertThat(
            new WorkspaceFile()
                .read(file)
                .panel("orders")
                .orElseThrow()
                .asHttp()
                .orElseThrow()
                .url())
        .isEqualTo("${api}/orders/v2");
  }

  @Test
  void duplicateDeleteUndoRedoAndMoveWorkOnTheSelectedPanel() throws Exception {
    Path file =
        Files.writeString(
            work.resolve("three.yaml"),
            """
        fetchboard: 1
        name: three
        panels:
          - { id: a, title: a, http: { method: GET, url: "http://127.0.0.1:9/a" } }
          - { id: b, title: b, http: { method: GET, url: "http://127.0.0.1:9/b" } }
          - { id: c, title: c, http: { method: GET, url: "http://127.0.0.1:9/c" } }
        """);
    openThroughTheWindow(file);
    PanelViewModel b = panel("b");
    select("b");
    press(KeyCode.CONTROL, KeyCode.D);
    assertThat(ids()).containsExactly("a", "b", "b-copy-1", "c");
    assertThat(panel("b-copy-1").spec().title()).isEqualTo("b (copy)");
    assertThat(panel("b-copy-1").spec().asHttp().orElseThrow())
        .isEqualTo(b.spec().asHttp().orElseThrow());
    press(KeyCode.CONTROL, KeyCode.Z);
    assertThat(ids()).containsExactly("a", "b", "c");

    select("b");
    press(KeyCode.DELETE);
    assertThat(ids()).containsExactly("a", "c");
    assertThat(model.workspace().panels()).extracting(p -> p.id()).containsExactly("a", "c");
    assertThat(message()).contains("deleted 'b'");
    press(KeyCode.CONTROL, KeyCode.Z);
    assertThat(ids()).containsExactly("a", "b", "c");
    assertThat(panel("b")).as("the same panel, with its results, comes back").isSameAs(b);
    press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    assertThat(ids()).containsExactly("a", "c");
    press(KeyCode.CONTROL, KeyCode.Z);
    press(KeyCode.CONTROL, KeyCode.Y);
    assertThat(ids()).containsExactly("a", "c");
    press(KeyCode.CONTROL, KeyCode.Z);
    assertThat(ids()).containsExactly("a", "b", "c");

    select("a");
    press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.RIGHT);
    assertThat(ids()).containsExactly("b", "a", "c");
    assertThat(model.workspace().panels()).extracting(p -> p.id()).containsExactly("b", "a", "c");
    var tiles =
        robot
            .from(window)
            .lookup(".tile")
            .queryAllAs(dev.fetchboard.ui.dashboard.TileView.class)
            .stream()
            .sorted(
                java.util.Comparator.comparingDouble(
                    t -> t.localToScene(0, 0).getX() + 10_000 * t.localToScene(0, 0).getY()))
            .map(t -> t.viewModel().id())
            .toList();
    assertThat(tiles).as("tiles in their new order").containsExactly("b", "a", "c");
    press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.LEFT);
    assertThat(ids()).containsExactly("a", "b", "c");
    press(KeyCode.CONTROL, KeyCode.Z);
    assertThat(ids()).containsExactly("b", "a", "c");
    assertThat(model.dirtyProperty().get()).isTrue();
  }

  @Test
  void theShortcutSheetListsEveryAcceleratorTheWindowInstalled() throws Exception {
    press(KeyCode.F1);
    waitUntil("the sheet shows", () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
    Set<String> listed = new HashSet<>();
    robot
        .lookup(".shortcut-keys")
        .queryAllAs(Label.class)
        .forEach(l -> listed.addAll(Arrays.asList(l.getText().split(" or "))));
    Set<KeyCombination> installed = stage.getScene().getAccelerators().keySet();
    assertThat(installed).hasSizeGreaterThanOrEqualTo(17);
    for (KeyCombination k : installed) {
      assertThat(listed).as("the sheet lists " + k.getDisplayText()).contains(k.getDisplayText());
    }
    // And every key a menu shows is one of them.
    var menuBar = robot.from(window).lookup("#main-menu").queryAs(MenuBar.class);
    for (Menu menu : menuBar.getMenus()) {
      for (MenuItem item : menu.getItems()) {
        if (item.getAccelerator() != null) {
          assertThat(installed).contains(item.getAccelerator());
        }
      }
    }
    assertThat(listed)
        .contains(
            "Ctrl+N",
            "Ctrl+O",
            "Ctrl+S",
            "Ctrl+Shift+S",
            "Ctrl+Q",
            "Ctrl+D",
            "Delete",
            "Ctrl+Z",
            "Ctrl+Shift+Z",
            "Ctrl+Y",
            "F1",
            "Escape",
            "Ctrl+F");
    closeDialogs();
  }

  @Test
  void unsavedEditsSurviveACrashAndAreOfferedAtTheNextStart() throws Exception {
    fire("#add-http");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.dirtyProperty().get()).isTrue();
    Path recoveryDir = data.resolve("recovery");
    waitUntil("a recovery copy is written", () -> listing(recoveryDir).size() == 1);
    Path copy = listing(recoveryDir).getFirst();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recoveryDir)))
        .isEqualTo("rwx------");
    assertThat(Files.readString(copy)).contains("request-1");

    // The "crash": this window is abandoned without closing; a new session starts on the same
    // folders.
    var model2 = new WorkspaceViewModel(engine, new UiDispatcher());
    var stage2 = new AtomicReference<Stage>();
    var window2 = new AtomicReference<MainWindow>();
    robot.interact(
        () -> {
          stage2.set(new Stage());
          window2.set(newWindow(model2, services(), stage2.get()));
          window2.get().offerRecovery();
        });
    waitUntil(
        "the new window offers the edits",
        () ->
            robot
                .from(stage2.get().getScene().getRoot())
                .lookup("#" + RecoveryOffer.BANNER)
                .tryQuery()
                .isPresent());
    Node banner =
        robot.from(stage2.get().getScene().getRoot()).lookup("#" + RecoveryOffer.BANNER).query();
    assertThat(robot.from(banner).lookup(".banner-message").queryAs(Label.class).getText())
        .contains("the unsaved workspace “Untitled”");
    Button restore = robot.from(banner).lookup("Restore").queryAs(Button.class);
    robot.interact(restore::fire);
    FxWait.waitUntilOnFx("the edits are back", () -> model2.panels().size() == 1);
    assertThat(FxWait.onFx(() -> model2.workspace().panels().getFirst().id()))
        .isEqualTo("request-1");
    assertThat(FxWait.onFx(() -> model2.dirtyProperty().get())).isTrue();
    assertThat(stage2.get().getTitle()).endsWith("•");

    Path saved = work.resolve("restored.yaml");
    nextChoice.set(saved);
    javafx.application.Platform.runLater(() -> window2.get().fileActions().save());
    saveAnyway();
    waitUntil("saved", () -> !model2.dirtyProperty().get());
    waitUntil("no recovery copy is left", () -> listing(recoveryDir).isEmpty());
    // The new panel's URL is still "https://", half done: kept as it was, not refused.
    assertThat(Files.readString(saved)).contains("id: request-1");
    robot.interact(() -> stage2.get().close());
  }

  @Test
  void settingsArePersistedAndACorruptSettingsFileIsKeptAside() throws Exception {
    fire("#theme");
    robot.interact(() -> stage.setWidth(1000));
    Path file = Files.writeString(work.resolve("s.yaml"), "fetchboard: 1\nname: s\n");
    openThroughTheWindow(file);
    waitUntil(
        "settings are written",
        () -> {
          var s = new SettingsFile(config).load().settings();
          return s.dark()
              && s.window() != null
              && s.window().width() == 1000
              && file.toString().equals(s.lastWorkspace());
        });
    fire("#theme");

    Path settings = config.resolve(SettingsFile.NAME);
    waitUntil("the light theme is saved", () -> !new SettingsFile(config).load().settings().dark());
    Files.writeString(settings, "{ this is not json");
    var model2 = new WorkspaceViewModel(engine, new UiDispatcher());
    robot.interact(() -> newWindow(model2, services(), new Stage()));
    assertThat(String.valueOf(model2.messageProperty().get()))
        .startsWith("settings were unreadable")
        .contains("kept as settings.json.corrupt-");
    var aside =
        listing(config).stream()
            .filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"))
            .toList();
    assertThat(aside).hasSize(1);
    assertThat(Files.readString(aside.getFirst())).isEqualTo("{ this is not json");
    closeDialogs();
  }

  @Test
  void aSaveThatFailsPartWayKeepsTheOldFileAndSaysSoPlainly() throws Exception {
    Path file = Files.writeString(work.resolve("keep.yaml"), EVERY_FIELD);
    openThroughTheWindow(file);
    fire("#add-sql");
    diskFull.set(true);
    press(KeyCode.CONTROL, KeyCode.S);
    waitUntil("the window says the save failed", () -> message().equals("Cannot save keep.yaml"));
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(alert.getContentText())
        .isEqualTo(
            "Cannot save keep.yaml: the disk is full (No space left on device). The file on disk is unchanged.");
    assertThat(Files.readString(file)).isEqualTo(EVERY_FIELD);
    try (var all = Files.list(work)) {
      assertThat(all.toList()).as("no temp file left behind").containsExactly(file);
    }
    assertThat(model.dirtyProperty().get()).as("the edits are still unsaved").isTrue();
    closeDialogs();

    // Save As into a "folder" that is a regular file: refused by the OS even for root.
    diskFull.set(false);
    Path notAFolder = Files.writeString(work.resolve("notes.txt"), "x");
    nextChoice.set(notAFolder.resolve("w.yaml"));
    press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
    waitUntil("the window says the save failed", () -> message().equals("Cannot save w.yaml"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText())
        .isEqualTo("Cannot save w.yaml: " + notAFolder + " is not a folder. Nothing was written.");
    assertThat(model.fileProperty().get()).isEqualTo(file);
    closeDialogs();
  }

  @Test
  void aChangeByAnotherProgramIsOfferedForReloadButOurOwnSavesAreNot() throws Exception {
    Path file = Files.writeString(work.resolve("shared.yaml"), "fetchboard: 1\nname: Before\n");
    openThroughTheWindow(file);
    fire("#add-http");
    press(KeyCode.CONTROL, KeyCode.S);
    saveAnyway();
    waitUntil("saved", () -> !model.dirtyProperty().get());
    Thread.sleep(600);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.from(window).lookup("#" + FileActions.CHANGED_BANNER).tryQuery())
        .as("our own save is not a change")
        .isEmpty();

    Files.writeString(file, "fetchboard: 1\nname: Changed elsewhere\n");
    waitUntil(
        "the reload is offered",
        () -> robot.from(window).lookup("#" + FileActions.CHANGED_BANNER).tryQuery().isPresent());
    assertThat(robot.from(window).lookup(".banner-message").queryAs(Label.class).getText())
        .isEqualTo("shared.yaml was changed by another program.");
    Button reload = robot.from(window).lookup("Reload").queryAs(Button.class);
    robot.interact(reload::fire);
    waitUntil("the new content shows", () -> model.workspace().name().equals("Changed elsewhere"));
    assertThat(model.dirtyProperty().get()).isFalse();

    Files.writeString(file, "fetchboard: 1\nname: Third\n");
    waitUntil(
        "the reload is offered again",
        () -> robot.from(window).lookup("#" + FileActions.CHANGED_BANNER).tryQuery().isPresent());
    Button keep = robot.from(window).lookup("Keep mine").queryAs(Button.class);
    robot.interact(keep::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.workspace().name()).isEqualTo("Changed elsewhere");
    assertThat(model.dirtyProperty().get()).as("ours differs from the file now").isTrue();
    Thread.sleep(500);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.from(window).lookup("#" + FileActions.CHANGED_BANNER).tryQuery()).isEmpty();
  }

  @Test
  void newAsksBeforeDroppingUnsavedEdits() throws Exception {
    fire("#add-http");
    press(KeyCode.CONTROL, KeyCode.N);
    answer("Cancel");
    assertThat(model.panels()).hasSize(1);
    press(KeyCode.CONTROL, KeyCode.N);
    answer("Don't save");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.panels()).isEmpty();
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void closingWithUnsavedEditsAsksAndSavesBeforeTheWindowCloses() throws Exception {
    Path file = Files.writeString(work.resolve("close.yaml"), "fetchboard: 1\nname: close\n");
    openThroughTheWindow(file);
    fire("#add-sql");
    // Not interact(): the prompt waits for its answer inside the event, as on a real close.
    javafx.application.Platform.runLater(
        () ->
            stage.fireEvent(
                new javafx.stage.WindowEvent(
                    stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    answer("Save");
    // The new panel has no connection yet: the save says so first, and saves it as it is.
    waitUntil("the warning shows", () -> robot.lookup("#save-problems").tryQuery().isPresent());
    Node warning = robot.lookup("#save-problems").query();
    assertThat(((DialogPane) warning).getContentText()).contains("choose a connection");
    robot.interact(robot.from(warning).lookup("Save anyway").queryButton()::fire);
    waitUntil("the window closes once the file is saved", () -> !stage.isShowing());
    assertThat(Files.readString(file)).contains("id: query-1");
    assertThat(message())
        .startsWith("saved close.yaml with 1 panel problem(s) to fix: ")
        .contains("choose a connection");
    waitUntil("the recovery copy is gone", () -> listing(data.resolve("recovery")).isEmpty());
  }

  @Test
  void closingAndNotSavingRemovesTheRecoveryCopy() throws Exception {
    fire("#add-http");
    Path recoveryDir = data.resolve("recovery");
    waitUntil("a recovery copy is written", () -> listing(recoveryDir).size() == 1);
    press(KeyCode.CONTROL, KeyCode.Q);
    answer("Don't save");
    waitUntil("the window closes", () -> !stage.isShowing());
    waitUntil("the recovery copy is gone", () -> listing(recoveryDir).isEmpty());
  }

  @Test
  void aRecentFileThatIsGoneIsSaidSoAndForgotten() throws Exception {
    Path file = Files.writeString(work.resolve("gone.yaml"), "fetchboard: 1\nname: gone\n");
    openThroughTheWindow(file);
    press(KeyCode.CONTROL, KeyCode.N);
    Files.delete(file);
    var recent =
        robot
            .from(window)
            .lookup("#main-menu")
            .queryAs(MenuBar.class)
            .getMenus()
            .getFirst()
            .getItems()
            .stream()
            .filter(i -> "open-recent".equals(i.getId()))
            .map(Menu.class::cast)
            .findFirst()
            .orElseThrow();
    MenuItem first = recent.getItems().getFirst();
    assertThat(first.getText()).startsWith("gone.yaml");
    robot.interact(first::fire);
    assertThat(message()).isEqualTo(file + " no longer exists; removed from the recent files");
    assertThat(recent.getItems().getFirst().getText()).isEqualTo("No recent files");
  }

  @Test
  void theNextWindowOpensWhereAndHowLargeTheLastOneWas() throws Exception {
    new SettingsFile(config)
        .save(
            dev.fetchboard.state.Settings.defaults()
                .withWindow(
                    new dev.fetchboard.state.Settings.WindowBounds(20, 30, 900, 640, false)));
    var model2 = new WorkspaceViewModel(engine, new UiDispatcher());
    var stage2 = new AtomicReference<Stage>();
    robot.interact(
        () -> {
          stage2.set(new Stage());
          newWindow(model2, services(), stage2.get());
        });
    assertThat(stage2.get().getX()).isEqualTo(20);
    assertThat(stage2.get().getY()).isEqualTo(30);
    assertThat(stage2.get().getWidth()).isEqualTo(900);
    assertThat(stage2.get().getHeight()).isEqualTo(640);
    robot.interact(() -> stage2.get().close());
  }

  private static List<Path> listing(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      // A write in progress is a hidden temp file beside its target, renamed when complete.
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
