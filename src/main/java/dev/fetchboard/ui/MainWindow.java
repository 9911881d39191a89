package dev.fetchboard.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.errors.DesktopOpener;
import dev.fetchboard.errors.ErrorSink;
import dev.fetchboard.errors.LogSetup;
import dev.fetchboard.state.Settings;
import dev.fetchboard.ui.alerts.WindowAlerts;
import dev.fetchboard.ui.dashboard.DashboardView;
import dev.fetchboard.ui.editor.PanelEditor;
import dev.fetchboard.ui.errors.ErrorBanner;
import dev.fetchboard.ui.errors.LogFolderAction;
import dev.fetchboard.ui.live.FramePump;
import dev.fetchboard.ui.live.PulseMonitor;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelHistory;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.result.ResultPane;
import dev.fetchboard.ui.window.Banners;
import dev.fetchboard.ui.window.FileActions;
import dev.fetchboard.ui.window.ImportAction;
import dev.fetchboard.ui.window.MainMenu;
import dev.fetchboard.ui.window.SessionFiles;
import dev.fetchboard.ui.window.ShortcutSheet;
import dev.fetchboard.ui.window.Shortcuts;
import dev.fetchboard.ui.window.WindowServices;
import dev.fetchboard.ui.window.WindowSettings;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: toolbar, the dashboard of tiles, the selected panel's editor and result, and the
 * status bar. Engine events reach it only through the dispatcher, drained once per frame.
 */
public final class MainWindow extends BorderPane {
  private final WorkspaceViewModel model;
  private final UiDispatcher dispatcher;
  private final PulseMonitor pulses = new PulseMonitor();
  private final DashboardView dashboard;
  private final PanelEditor editor;
  private final Tab editTab;
  private final TabPane detail;
  private final ResultPane result;
  private final StatusBar status;
  private final UiExecutor ui;
  private final Function<ConnectionSpec, ConnectionCheck> tester;
  private final ComboBox<String> environment = new ComboBox<>();
  private final PanelHistory history;
  private final Banners banners = new Banners();
  private final LogFolderAction logFolder;
  private final ErrorBanner errorBanner;
  private final SessionFiles session;
  private final FileActions files;
  private final WindowSettings settings;
  private final ImportAction importer;
  private final Shortcuts shortcuts;
  private final WindowAlerts alerts;

  /** A window that keeps no settings or recovery copies (tests of other features). */
  public MainWindow(
      WorkspaceViewModel model,
      UiDispatcher dispatcher,
      Function<ConnectionSpec, ConnectionCheck> tester) {
    this(model, dispatcher, tester, WindowServices.inMemory());
  }

  public MainWindow(
      WorkspaceViewModel model,
      UiDispatcher dispatcher,
      Function<ConnectionSpec, ConnectionCheck> tester,
      WindowServices services) {
    this(model, dispatcher, tester, services, UiExecutor.forWindow());
  }

  /** A window whose work off the FX thread and back goes through {@code ui}. */
  public MainWindow(
      WorkspaceViewModel model,
      UiDispatcher dispatcher,
      Function<ConnectionSpec, ConnectionCheck> tester,
      WindowServices services,
      UiExecutor ui) {
    this.model = model;
    this.ui = ui;
    logFolder =
        new LogFolderAction(LogSetup.file(), DesktopOpener.forThisSystem(), ui, this::showLogPath);
    errorBanner = new ErrorBanner(logFolder::openFile);
    this.dispatcher = dispatcher;
    this.frames = new FramePump(this::frame, dispatcher::hasPending, () -> pulses.resume());
    this.tester = tester;
    getStyleClass().add("main-window");
    result = new ResultPane(ui);
    dashboard = new DashboardView(model, ui);
    editor = new PanelEditor(model, this::newConnection, ui);
    editTab = new Tab("Edit", editor);
    status = new StatusBar(model);
    history = new PanelHistory(model);
    session =
        new SessionFiles(
            model,
            history,
            services,
            banners,
            ui,
            () -> getScene().getWindow(),
            m -> model.tell(m),
            this::problem);
    files = session.files();
    settings = session.settings();
    importer = new ImportAction(model, ui, this::problem);
    shortcuts = shortcuts();
    applyTheme(settings.get());
    settings.property().addListener((o, a, b) -> applyTheme(b));
    detail = new TabPane(new Tab("Result", result), editTab);
    detail.getTabs().forEach(t -> t.setClosable(false));
    // After Run the result is what the user wants to see, not the form they ran it from.
    editor.setOnRun(() -> detail.getSelectionModel().selectFirst());
    var split = new SplitPane(dashboard, detail);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.56);
    var menu =
        MainMenu.build(
            shortcuts,
            files,
            settings,
            new MainMenu.Extras(
                () -> importer.run(getScene().getWindow()),
                () -> addPanel(false),
                () -> addPanel(true),
                history.canUndoProperty().not(),
                history.canRedoProperty().not()));
    var openLogFolder = new javafx.scene.control.MenuItem("Open log folder");
    openLogFolder.setId("open-log-folder");
    openLogFolder.setOnAction(e -> logFolder.openFolder());
    menu.getMenus().getLast().getItems().add(openLogFolder);
    alerts = new WindowAlerts(model, UiExecutor.forWindow());
    alerts.install(menu);
    setTop(new VBox(menu, toolbar(), errorBanner, banners, alerts.notices()));
    setCenter(split);
    setBottom(status);
    model
        .selectedProperty()
        .addListener(
            (o, a, b) -> {
              result.show(b);
              frames.wake();
            });
    result.show(model.selectedProperty().get());
    result.setOnKeepChart(model::update);
    result.setRowStreamer((p, sink, c) -> model.engine().streamRows(model.workspace(), p, sink, c));
    model.workspaceProperty().addListener((o, a, b) -> environments(b));
    environments(model.workspace());
    dispatcher.setOnPending(frames::wake);
    // The once-a-second tick (clocks, rates) runs while the window shows, and frames only while
    // the engine has something to show: an idle window leaves the FX thread asleep.
    sceneProperty()
        .flatMap(javafx.scene.Scene::windowProperty)
        .flatMap(javafx.stage.Window::showingProperty)
        .subscribe(
            showing -> {
              if (Boolean.TRUE.equals(showing)) {
                frames.startTicks(TICKS, this::tick);
                frames.wake();
              } else {
                frames.stopTicks();
              }
            });
    frames.wake();
  }

  /** Schedules the windows' once-a-second ticks; its one daemon thread only hands them over. */
  private static final java.util.concurrent.ScheduledExecutorService TICKS =
      dev.fetchboard.engine.Workers.timer("window-ticks");

  private final FramePump frames;

  /** True while per-frame work runs; an idle window stops it (tests look at this). */
  public boolean framesRunning() {
    return frames.isRunning();
  }

  /** How many frames of per-frame work have run so far (tests look at this). */
  public long framesRun() {
    return frames.framesRun();
  }

  /** Once a second: the status bar's rates and the tiles' "3 s ago". */
  private void tick() {
    status.update(model, dispatcher, pulses, System.nanoTime());
    dashboard.tick(Instant.now());
  }

  /**
   * Panels whose updates are applied in one frame at most: a tile update costs the FX thread a few
   * tenths of a millisecond in styling and layout, so 200 panels refreshing on the same second are
   * spread over a few frames instead of making one of them long.
   */
  static final int PANELS_PER_FRAME = 30;

  /** Adds an empty Redis panel and opens its form with the keyboard in its command. */
  private void addRedisPanel() {
    history.addRedis();
    detail.getSelectionModel().select(editTab);
    ui.onFx(editor::focusFirstField);
  }

  /**
   * Adds an empty panel and opens its form with the keyboard in its URL or SQL: what someone who
   * pressed "+ HTTP" is about to type.
   */
  private void addPanel(boolean sql) {
    history.add(sql);
    detail.getSelectionModel().select(editTab);
    ui.onFx(editor::focusFirstField);
  }

  /**
   * One frame: apply what the engine reported since the last one, refresh what shows it; true while
   * there was or is more to do (frames stop a second after the last such frame).
   */
  private boolean frame(long now) {
    pulses.frame(now);
    PanelViewModel selected = model.selectedProperty().get();
    var updates = dispatcher.drain(PANELS_PER_FRAME, selected == null ? null : selected.id());
    if (!updates.isEmpty()) {
      alerts.seen(updates);
      model.apply(updates);
      // The counts change with the tiles, not up to a second later.
      status.showActivity(model);
    }
    // The result pane follows its panel by itself; rows that arrived faster than a frame can
    // show are appended over the next frames.
    boolean behind = result.catchUp();
    return !updates.isEmpty() || behind || dispatcher.hasPending();
  }

  /** The one table of window-wide keys: installed in the scene, shown in menus and on F1. */
  private Shortcuts shortcuts() {
    var keys = new Shortcuts();
    keys.add("File", "New workspace", files::newWorkspace, "Shortcut+N")
        .add("File", "Open a workspace", files::open, "Shortcut+O")
        .add("File", "Save", files::save, "Shortcut+S")
        .add("File", "Save as", files::saveAs, "Shortcut+Shift+S")
        .add("File", "Quit", () -> files.quit(stage()), "Shortcut+Q")
        .add("Panels", "Duplicate panel", history::duplicateSelected, "Shortcut+D")
        .add("Panels", "Delete panel", history::deleteSelected, "Delete")
        .add("Panels", "Undo", history::undo, "Shortcut+Z")
        .add("Panels", "Redo", history::redo, "Shortcut+Shift+Z", "Shortcut+Y")
        .add("Panels", "Move panel left", () -> history.moveSelected(-1), "Shortcut+Shift+Left")
        .add("Panels", "Move panel right", () -> history.moveSelected(1), "Shortcut+Shift+Right")
        .add("Run", "Run all panels", model::runAll, "Shortcut+Shift+Enter")
        .add("Run", "Run the selected panel", editor::runNow, "Shortcut+Enter")
        .add("Run", "Stop all runs", model::stopAll, "Esc")
        .add("Result", "Filter the rows", result::focusFilter, "Shortcut+F")
        .addBuiltIn("Result", "Copy the selected rows", "Shortcut+C")
        .addBuiltIn("Result", "Copy the selected rows with headers", "Shortcut+Shift+C")
        .add(
            "Help",
            "Keyboard shortcuts",
            () -> ShortcutSheet.show(getScene().getWindow(), keys),
            "F1")
        .addBuiltIn("Help", "Open the menus", "F10");
    return keys;
  }

  /** Keyboard shortcuts that work anywhere in the window. */
  public void installShortcuts(Scene scene) {
    shortcuts.install(scene);
  }

  /** The table behind the menus, the accelerators and the shortcut sheet. */
  public Shortcuts shortcutTable() {
    return shortcuts;
  }

  private Stage stage() {
    return (Stage) getScene().getWindow();
  }

  private ToolBar toolbar() {
    var runAll =
        button("Run all", Feather.PLAY, "Run every panel (Ctrl+Shift+Enter)", model::runAll);
    runAll.setId("run-all");
    runAll.getStyleClass().add("run-all");
    var stopAll = button("Stop all", Feather.STOP_CIRCLE, "Cancel every run (Esc)", model::stopAll);
    stopAll.setId("stop-all");
    var auto = new ToggleButton("Auto-refresh", new FontIcon(Feather.REFRESH_CW));
    auto.setId("auto-refresh");
    auto.setTooltip(new Tooltip("Refresh each panel on its interval"));
    auto.setOnAction(e -> model.setAutoRefresh(auto.isSelected()));
    model.autoRefreshProperty().subscribe(auto::setSelected);
    var addHttp = button("HTTP", Feather.PLUS, "Add an HTTP request panel", () -> addPanel(false));
    addHttp.setId("add-http");
    var addSql = button("SQL", Feather.PLUS, "Add a SQL query panel", () -> addPanel(true));
    addSql.setId("add-sql");
    var addRedis = button("Redis", Feather.PLUS, "Add a Redis command panel", this::addRedisPanel);
    addRedis.setId("add-redis");
    var open = button("Open", Feather.FOLDER, "Open a workspace (Ctrl+O)", files::open);
    var importButton =
        button(
            "Import",
            Feather.DOWNLOAD,
            "Import requests: cURL, Postman collection, .http file or OpenAPI document",
            () -> importer.run(getScene().getWindow()));
    importButton.setId("import");
    var save = button("Save", Feather.SAVE, "Save the workspace (Ctrl+S)", files::save);
    var theme = button("", Feather.MOON, "Light / dark theme", this::toggleTheme);
    theme.setId("theme");
    environment.setPromptText("environment");
    environment.setTooltip(new Tooltip("The environment whose variables panels use"));
    environment.valueProperty().addListener((o, a, b) -> model.setEnvironment(b));
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new ToolBar(
        runAll,
        stopAll,
        auto,
        new Separator(Orientation.VERTICAL),
        environment,
        new Separator(Orientation.VERTICAL),
        addHttp,
        addSql,
        addRedis,
        spacer,
        importButton,
        open,
        save,
        theme);
  }

  private static Button button(String text, Feather icon, String tip, Runnable action) {
    var b = new Button(text, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private void environments(Workspace ws) {
    var names = new java.util.ArrayList<>(ws.environments().keySet());
    if (!names.equals(environment.getItems())) {
      environment.getItems().setAll(names);
    }
    environment.setValue(ws.environment());
    environment.setDisable(names.isEmpty());
  }

  private void toggleTheme() {
    settings
        .property()
        .set(settings.get().withTheme(settings.get().dark() ? Settings.LIGHT : Settings.DARK));
  }

  private static void applyTheme(Settings s) {
    Application.setUserAgentStylesheet(
        s.dark()
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  private void newConnection() {
    new ConnectionDialog(tester, ui)
        .showAndWait()
        .ifPresent(r -> model.putConnection(r.name(), r.spec()));
  }

  /**
   * Reads a workspace off the FX thread and shows it; a bad file is reported, never overwritten.
   */
  public void openFile(Path path) {
    files.load(path);
  }

  private void problem(String header, String text) {
    model.tell(header);
    var alert = new Alert(Alert.AlertType.ERROR, text);
    alert.setHeaderText(header);
    alert.initOwner(getScene().getWindow());
    alert.show();
  }

  /** Shows the errors {@code errors} reports in a banner instead of losing them to stderr. */
  public void showUnexpectedErrors(ErrorSink errors) {
    ui.reportErrorsTo(errors);
    errorBanner.listenTo(errors);
  }

  /** The window's one way to worker threads and back (the app starts its own work with it). */
  public UiExecutor executor() {
    return ui;
  }

  /** Where the log is, for a desktop with no opener: shown with a button to copy it. */
  private void showLogPath(Path path) {
    banners.show(
        "log-path",
        "The log is in " + path,
        new Banners.Choice(
            "Copy path",
            () -> {
              var content = new javafx.scene.input.ClipboardContent();
              content.putString(path.toString());
              javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }),
        new Banners.Choice("Close", () -> {}));
  }

  /** Closing the window asks first when there are unsaved edits (Save / Don't save / Cancel). */
  public void confirmCloseWhenEdited(Stage stage) {
    files.closeRequests(stage);
  }

  /** Restores the window's last size and place and remembers changes to them. */
  public void trackWindow(Stage stage) {
    settings.track(stage);
  }

  /** Offers edits a crashed session left behind, if any (looked for off the FX thread). */
  public void offerRecovery() {
    session.offerRecovery();
  }

  public FileActions fileActions() {
    return files;
  }

  public PanelHistory history() {
    return history;
  }

  /** Writes pending settings and recovery changes and stops watching files (the app closes). */
  public void close() {
    session.close();
    alerts.close();
  }

  /** The window title: "Fetchboard — name", with a dot while there are unsaved edits. */
  public void bindTitle(Stage stage) {
    stage
        .titleProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    "Fetchboard — "
                        + model.workspace().name()
                        + (model.dirtyProperty().get() ? " •" : ""),
                model.workspaceProperty(),
                model.dirtyProperty()));
  }
}
