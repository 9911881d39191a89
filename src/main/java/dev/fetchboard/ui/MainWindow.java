package dev.fetchboard.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.fetchboard.engine.Workers;
import dev.fetchboard.sql.ConnectionCheck;
import dev.fetchboard.ui.dashboard.DashboardView;
import dev.fetchboard.ui.editor.PanelEditor;
import dev.fetchboard.ui.live.PulseMonitor;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.result.ResultPane;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
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
  private final ResultPane result = new ResultPane();
  private final StatusBar status;
  private final Executor io = Executors.newThreadPerTaskExecutor(Workers.virtual("ui-io"));
  private final Function<ConnectionSpec, ConnectionCheck> tester;
  private final ComboBox<String> environment = new ComboBox<>();
  private boolean dark;
  private long lastSecond;

  public MainWindow(
      WorkspaceViewModel model,
      UiDispatcher dispatcher,
      Function<ConnectionSpec, ConnectionCheck> tester) {
    this.model = model;
    this.dispatcher = dispatcher;
    this.tester = tester;
    getStyleClass().add("main-window");
    dashboard = new DashboardView(model);
    editor = new PanelEditor(model, this::newConnection);
    status = new StatusBar(model);
    var detail = new TabPane(new Tab("Result", result), new Tab("Edit", editor));
    detail.getTabs().forEach(t -> t.setClosable(false));
    var split = new SplitPane(dashboard, detail);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.56);
    setTop(toolbar());
    setCenter(split);
    setBottom(status);
    model.selectedProperty().addListener((o, a, b) -> result.show(b));
    result.show(model.selectedProperty().get());
    result.setOnKeepChart(model::update);
    model.workspaceProperty().addListener((o, a, b) -> environments(b));
    environments(model.workspace());
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        frame(now);
      }
    }.start();
  }

  /** One frame: apply what the engine reported since the last one, refresh what shows it. */
  private void frame(long now) {
    pulses.frame(now);
    var updates = dispatcher.drain();
    PanelViewModel selected = model.selectedProperty().get();
    if (!updates.isEmpty()) {
      model.apply(updates);
    }
    boolean selectedChanged =
        selected != null && updates.stream().anyMatch(u -> u.getKey().equals(selected.id()));
    if (selectedChanged
        || (selected != null && result.table().behind(selected.rowsSoFarProperty().get()))) {
      result.refresh();
    }
    if (now - lastSecond > 1_000_000_000L) {
      lastSecond = now;
      status.update(model, dispatcher, pulses, now);
      dashboard.tick(Instant.now());
    }
  }

  /** Keyboard shortcuts that work anywhere in the window. */
  public void installShortcuts(Scene scene) {
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(
                KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            model::runAll);
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), editor::runNow);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), model::stopAll);
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> save(false));
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(
                KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            () -> save(true));
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::open);
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), result::focusFilter);
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
    auto.selectedProperty().bindBidirectional(model.autoRefreshProperty());
    var addHttp = button("HTTP", Feather.PLUS, "Add an HTTP request panel", () -> model.add(false));
    addHttp.setId("add-http");
    var addSql = button("SQL", Feather.PLUS, "Add a SQL query panel", () -> model.add(true));
    addSql.setId("add-sql");
    var open = button("Open", Feather.FOLDER, "Open a workspace (Ctrl+O)", this::open);
    var importButton =
        button(
            "Import",
            Feather.DOWNLOAD,
            "Import requests: cURL, Postman collection, .http file or OpenAPI document",
            this::importFile);
    importButton.setId("import");
    var save = button("Save", Feather.SAVE, "Save the workspace (Ctrl+S)", () -> save(false));
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
    dark = !dark;
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  private void newConnection() {
    new ConnectionDialog(tester)
        .showAndWait()
        .ifPresent(
            r -> {
              var conns = new LinkedHashMap<>(model.workspace().connections());
              conns.put(r.name(), r.spec());
              model.workspaceProperty().set(model.workspace().withConnections(conns));
              model.dirtyProperty().set(true);
            });
  }

  private void open() {
    var chooser = new FileChooser();
    chooser.setTitle("Open workspace");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Workspaces", "*.yaml", "*.yml"));
    var file = chooser.showOpenDialog(getScene().getWindow());
    if (file != null) {
      openFile(file.toPath());
    }
  }

  private void importFile() {
    var chooser = new FileChooser();
    chooser.setTitle("Import requests");
    var file = chooser.showOpenDialog(getScene().getWindow());
    if (file == null) {
      return;
    }
    Path path = file.toPath();
    io.execute(
        () -> {
          try {
            var imported = dev.fetchboard.interop.Importers.read(path);
            Platform.runLater(
                () -> {
                  model.importPanels(imported);
                  model
                      .messageProperty()
                      .set(
                          "imported "
                              + imported.panels().size()
                              + " panel(s) from "
                              + path.getFileName()
                              + (imported.notices().isEmpty()
                                  ? ""
                                  : " — " + String.join("; ", imported.notices())));
                });
          } catch (dev.fetchboard.interop.ImportException e) {
            Platform.runLater(() -> problem("Cannot import " + path.getFileName(), e.getMessage()));
          }
        });
  }

  /**
   * Reads a workspace off the FX thread and shows it; a bad file is reported, never overwritten.
   */
  public void openFile(Path path) {
    model.messageProperty().set("opening " + path.getFileName() + "…");
    io.execute(
        () -> {
          try {
            Workspace ws = new WorkspaceFile().read(path);
            Platform.runLater(
                () -> {
                  model.open(ws, path);
                  model.messageProperty().set("opened " + path.getFileName());
                });
          } catch (WorkspaceException e) {
            Platform.runLater(() -> problem("Cannot open " + path.getFileName(), e.getMessage()));
          }
        });
  }

  private void save(boolean as) {
    Path target = model.fileProperty().get();
    if (as || target == null) {
      var chooser = new FileChooser();
      chooser.setTitle("Save workspace");
      chooser.setInitialFileName("workspace.yaml");
      var file = chooser.showSaveDialog(getScene().getWindow());
      if (file == null) {
        return;
      }
      target = file.toPath();
    }
    Workspace ws = model.workspace();
    Path to = target;
    io.execute(
        () -> {
          try {
            new WorkspaceFile().write(ws, to);
            Platform.runLater(() -> model.saved(to));
          } catch (IOException e) {
            Platform.runLater(
                () ->
                    problem(
                        "Cannot save " + to.getFileName(),
                        e.getMessage() + "\nThe old file is unchanged."));
          }
        });
  }

  private void problem(String header, String text) {
    model.messageProperty().set(header);
    var alert = new Alert(Alert.AlertType.ERROR, text);
    alert.setHeaderText(header);
    alert.initOwner(getScene().getWindow());
    alert.show();
  }

  /**
   * Asks before closing a window with unsaved edits: Save, Discard or Cancel. Saving is done before
   * the window closes, so the file is complete on disk.
   */
  public void confirmCloseWhenEdited(Stage stage) {
    stage.setOnCloseRequest(
        e -> {
          if (!model.dirtyProperty().get()) {
            return;
          }
          var save =
              new javafx.scene.control.ButtonType(
                  "Save", javafx.scene.control.ButtonBar.ButtonData.YES);
          var discard =
              new javafx.scene.control.ButtonType(
                  "Discard", javafx.scene.control.ButtonBar.ButtonData.NO);
          var alert =
              new Alert(
                  Alert.AlertType.CONFIRMATION,
                  "The workspace has unsaved changes.",
                  save,
                  discard,
                  javafx.scene.control.ButtonType.CANCEL);
          alert.setHeaderText("Save changes to " + model.workspace().name() + "?");
          alert.initOwner(stage);
          var answer = alert.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
          if (answer == save) {
            Path target = model.fileProperty().get();
            if (target == null) {
              e.consume();
              save(true);
              return;
            }
            try {
              new WorkspaceFile().write(model.workspace(), target);
            } catch (IOException ex) {
              e.consume();
              problem(
                  "Cannot save " + target.getFileName(),
                  ex.getMessage() + "\nThe old file is unchanged.");
            }
          } else if (answer != discard) {
            e.consume();
          }
        });
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
