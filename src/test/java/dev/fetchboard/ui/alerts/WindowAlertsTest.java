package dev.fetchboard.ui.alerts;

import static dev.fetchboard.testing.FxWait.onFx;
import static dev.fetchboard.testing.FxWait.waitUntil;
import static dev.fetchboard.testing.FxWait.waitUntilOnFx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Notification;
import dev.fetchboard.Fetchboard;
import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Alerts through the real window (headless Monocle): notices on changes, Send test alert. */
@ExtendWith(ApplicationExtension.class)
class WindowAlertsTest {
  private final TestHttpServer api = new TestHttpServer();
  private final TestHttpServer hook = new TestHttpServer();
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private Engine engine;
  private WorkspaceViewModel model;
  private MainWindow window;
  private Stage stage;

  WindowAlertsTest() throws Exception {
    api.handle("/health", ex -> TestHttpServer.send(ex, status.get(), "text/plain", "hi"));
    hook.handle(
        "/hook",
        ex -> {
          posted.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          TestHttpServer.send(ex, 200, "text/plain", "ok");
        });
  }

  @Start
  void start(Stage primary) {
    stage = new Stage();
    engine = Fetchboard.newEngine(EngineConfig.DEFAULT);
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    window =
        new MainWindow(
            model, dispatcher, spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"));
    stage.setScene(new Scene(window, 1200, 800));
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(
        () -> {
          window.close();
          stage.close();
        });
    engine.close();
    api.close();
    hook.close();
  }

  private Workspace workspace() throws Exception {
    return new WorkspaceFile()
        .parse(
            """
            fetchboard: 1
            name: Window
            panels:
              - id: health
                title: Health
                http: { url: "%s" }
            alerts:
              - webhook: { url: "%s" }
                minInterval: 0s
            """
                .formatted(api.url("/health"), hook.url("/hook")),
            null);
  }

  private List<String> notices(FxRobot robot) throws Exception {
    return onFx(
        () ->
            robot.lookup("#alert-notices").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Notification) n).getMessage())
                .toList());
  }

  @Test
  void aFailingPanelShowsANoticeAndSendsTheAlertAndItsRecoveryToo(FxRobot robot) throws Exception {
    FxWait.open(model, workspace());
    robot.interact(model::runAll);
    waitUntilOnFx(
        "the first run is in", () -> model.panels().getFirst().resultProperty().get() != null);
    assertThat(posted).as("OK from the start is no news").isEmpty();
    status.set(500);
    robot.interact(model::runAll);
    waitUntil("the alert is sent", () -> posted.size() == 1);
    assertThat(posted.getFirst()).contains("\"event\":\"checkFailed\"");
    waitUntil("the notice shows", () -> !notices(robot).isEmpty());
    assertThat(notices(robot).getFirst()).startsWith("Health: a check failed");
    status.set(200);
    robot.interact(model::runAll);
    waitUntil("the recovery is sent", () -> posted.size() == 2);
    waitUntil("its notice shows", () -> notices(robot).size() == 2);
    assertThat(notices(robot).getFirst()).isEqualTo("Health recovered");
  }

  @Test
  void sendTestAlertInTheRunMenuShowsEachTargetsAnswer(FxRobot robot) throws Exception {
    FxWait.open(model, workspace());
    MenuItem item =
        onFx(
            () ->
                robot.lookup("#main-menu").queryAs(MenuBar.class).getMenus().stream()
                    .filter(m -> m.getText().equals("Run"))
                    .map(Menu::getItems)
                    .flatMap(List::stream)
                    .filter(i -> "send-test-alert".equals(i.getId()))
                    .findFirst()
                    .orElseThrow());
    robot.interact(item::fire);
    waitUntil("the answers show", () -> !notices(robot).isEmpty());
    assertThat(notices(robot).getFirst()).isEqualTo("✔ webhook " + hook.url("/hook") + ": 200 ok");
    assertThat(posted).singleElement().asString().contains("\"event\":\"test\"");
  }
}
