package dev.fetchboard.ui;

import atlantafx.base.theme.PrimerLight;
import dev.fetchboard.AppDirs;
import dev.fetchboard.Fetchboard;
import dev.fetchboard.embedded.EmbeddedDatabase;
import dev.fetchboard.embedded.SampleWorkspace;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.errors.ErrorSink;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.state.WorkspaceStore;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.window.SampleApiLink;
import dev.fetchboard.ui.window.WindowServices;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application and the UI's composition root: it builds the engine, the dispatcher and
 * the window, shows the window at once, and loads the workspace (or the sample, starting the
 * embedded database and the sample API) in the background.
 */
public final class FetchboardApp extends Application {
  private Engine engine;
  private EmbeddedDatabase database;
  // Starts the sample API for any opened workspace that points at it (a Save As copy too).
  private final SampleApiLink sampleApi = new SampleApiLink();
  private WorkspaceViewModel model;
  private MainWindow window;
  private WindowServices services;
  // The workspace open at the last close, when it still exists (else the sample opens).
  private Path reopen;

  /**
   * Reads the settings on the launcher thread, before the window exists (no I/O on the FX thread).
   */
  @Override
  public void init() {
    services = WindowServices.forUser(AppDirs.forUser());
    String last = services.settings().lastWorkspace();
    if (last != null
        && Files.isRegularFile(Path.of(last))
        && !Path.of(last).getFileName().toString().equals(SampleWorkspace.FILE_NAME)) {
      reopen = Path.of(last);
    }
  }

  /** Called by the launcher; {@code args} may hold a workspace file. */
  public static void launchApp(String[] args) {
    Application.launch(FetchboardApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    AppDirs dirs = AppDirs.forUser();
    database = new EmbeddedDatabase(dirs.data().resolve("pg"), EmbeddedDatabase.SAMPLE_ORDERS);
    engine = Fetchboard.newEngine(EngineConfig.DEFAULT, database);
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    window =
        new MainWindow(
            model,
            dispatcher,
            spec -> engine.testConnection(model.workspace(), "test", spec),
            services);
    var scene = new Scene(window, 1400, 900);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    window.fileActions().beforeShowing(sampleApi);
    window.installShortcuts(scene);
    window.bindTitle(stage);
    window.confirmCloseWhenEdited(stage);
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    window.trackWindow(stage);
    // Exceptions nobody caught, on any thread, are logged and shown in a banner.
    var errors = ErrorSink.installForAllThreads();
    errors.handleOn(Thread.currentThread());
    window.showUnexpectedErrors(errors);
    stage.show();
    if (Boolean.getBoolean("fetchboard.traceStartup")) {
      // For start-up measurements: milliseconds from process start to the first frame.
      new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
          long started =
              ProcessHandle.current()
                  .info()
                  .startInstant()
                  .map(java.time.Instant::toEpochMilli)
                  .orElse(0L);
          System.err.println("first frame after " + (System.currentTimeMillis() - started) + " ms");
          stop();
        }
      }.start();
    }
    stage
        .getIcons()
        .add(
            new javafx.scene.image.Image(
                FetchboardApp.class.getResourceAsStream("/assets/icons/fetchboard-64.png")));
    if (AotTraining.requested()) {
      AotTraining.exercise(model);
    }
    List<String> args = getParameters().getRaw();
    // Everything not needed for the first frame starts after it: the database, the sample API,
    // reading the workspace.
    Platform.runLater(
        () -> {
          SqlSource.preloadInBackground();
          window.offerRecovery();
          if (!args.isEmpty()) {
            database.startInBackground();
            window.openFile(Path.of(args.getFirst()));
          } else if (reopen != null) {
            database.startInBackground();
            window.openFile(reopen);
          } else {
            openSample(dirs);
          }
        });
  }

  /** First run: the sample workspace, the embedded database and the sample API, all offline. */
  private void openSample(AppDirs dirs) {
    database.startInBackground();
    model.messageProperty().set("starting the sample API and database…");
    Thread.ofVirtual()
        .name("open-sample")
        .start(
            () -> {
              try {
                Path file = SampleWorkspace.install(dirs.data());
                var opened = new WorkspaceStore().readLeniently(file);
                Workspace ws = sampleApi.apply(opened.workspace());
                boolean seenBefore = services.settings().viewOf(file) != null;
                Platform.runLater(
                    () -> {
                      if (!window
                          .fileActions()
                          .showFirst(ws, file, opened.fingerprint(), opened.text())) {
                        return;
                      }
                      model.messageProperty().set("sample workspace: " + file);
                      if (!seenBefore) {
                        // First start: show it working; later starts are as the user left them.
                        model.runAll();
                        model.autoRefreshProperty().set(true);
                      }
                    });
              } catch (Exception e) {
                Platform.runLater(
                    () -> model.messageProperty().set("cannot open the sample: " + e.getMessage()));
              }
            });
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
    }
    if (model != null) {
      model.close();
    }
    if (engine != null) {
      engine.close();
    }
    sampleApi.close();
    if (database != null) {
      database.close();
    }
  }
}
