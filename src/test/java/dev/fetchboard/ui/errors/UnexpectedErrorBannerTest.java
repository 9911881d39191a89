package dev.fetchboard.ui.errors;

import static dev.fetchboard.testing.FxWait.onFx;
import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.errors.DesktopOpener;
import dev.fetchboard.errors.ErrorSink;
import dev.fetchboard.errors.LogSetup;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An exception nobody caught shows a banner, never a dialog, and the window keeps working. */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorBannerTest {
  private Engine engine;
  private WorkspaceViewModel model;
  private Thread.UncaughtExceptionHandler previousDefault;
  private Thread fxThread;

  @Start
  void start(Stage stage) {
    // No desktop opener here: Open log folder shows the path instead.
    System.setProperty(DesktopOpener.PROPERTY, "/nonexistent/opener");
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()));
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    var window =
        new MainWindow(
            model, dispatcher, spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"));
    previousDefault = Thread.getDefaultUncaughtExceptionHandler();
    var errors = ErrorSink.installForAllThreads();
    fxThread = Thread.currentThread();
    errors.handleOn(fxThread);
    window.showUnexpectedErrors(errors);
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(DesktopOpener.PROPERTY);
    Thread.setDefaultUncaughtExceptionHandler(previousDefault);
    fxThread.setUncaughtExceptionHandler(null);
    engine.close();
  }

  @Test
  void anErrorOnTheFxThreadShowsTheBannerAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
    Node banner = robot.lookup("#error-banner").query();
    assertThat(banner.isVisible()).as("no banner before an error").isFalse();
    String mark = UUID.randomUUID().toString();
    Platform.runLater(
        () -> {
          throw new IllegalStateException("fx " + mark);
        });
    waitUntil("the banner shows", banner::isVisible);
    assertThat(robot.lookup("#error-banner .error-banner-message").queryAs(Label.class).getText())
        .startsWith("Something went wrong")
        .doesNotContain("IllegalStateException");
    assertThat(onFx(() -> Window.getWindows().size())).as("no dialog opened").isEqualTo(1);

    robot.clickOn("#copy-error-details");
    String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
    assertThat(copied).contains("fx " + mark).contains("IllegalStateException").contains("\tat ");
    assertThat(Files.readString(LogSetup.file())).contains("fx " + mark);

    int before = model.panels().size();
    robot.clickOn("#add-http");
    waitUntil("a panel is added after the error", () -> model.panels().size() == before + 1);
  }

  @Test
  void anErrorOnAWorkerShowsTheBanner(FxRobot robot) throws Exception {
    Node banner = robot.lookup("#error-banner").query();
    Thread.ofVirtual()
        .start(
            () -> {
              throw new IllegalArgumentException("worker failed");
            })
        .join();
    waitUntil("the banner shows", banner::isVisible);
    Thread.ofPlatform()
        .start(
            () -> {
              throw new IllegalArgumentException("again");
            })
        .join();
    waitUntil(
        "the banner counts the second error",
        () ->
            robot
                .lookup("#error-banner .error-banner-message")
                .queryAs(Label.class)
                .getText()
                .contains("2 times"));
    robot.clickOn("#dismiss-error");
    waitUntil("the banner is gone", () -> !banner.isVisible());
    int before = model.panels().size();
    robot.clickOn("#add-sql");
    waitUntil("a panel is added after the errors", () -> model.panels().size() == before + 1);
  }

  @Test
  void helpOpenLogFolderShowsThePathWhenThereIsNoOpener(FxRobot robot) throws Exception {
    robot.clickOn("Help");
    robot.clickOn("Open log folder");
    waitUntil("the path is shown", () -> robot.lookup("#log-path").tryQuery().isPresent());
    assertThat(robot.lookup("#log-path .banner-message").queryAs(Label.class).getText())
        .contains(LogSetup.file().getParent().toString());
  }
}
