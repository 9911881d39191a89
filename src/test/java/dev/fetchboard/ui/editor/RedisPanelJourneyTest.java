package dev.fetchboard.ui.editor;

import static dev.fetchboard.testing.FxWait.onFx;
import static dev.fetchboard.testing.FxWait.waitUntil;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.redis.RedisSource;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.TestRedis;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.dashboard.TileView;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.window.WindowServices;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A user adds a Redis panel for the length of a queue in the window and runs it. */
@ExtendWith(ApplicationExtension.class)
class RedisPanelJourneyTest {
  private final FxRobot robot = new FxRobot();
  private TestRedis redis;
  private Engine engine;
  private WorkspaceViewModel model;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage primary) throws Exception {
    redis = TestRedis.start();
    redis.cli("RPUSH", "jobs", "a", "b", "c", "d");
    engine = new Engine(EngineConfig.DEFAULT, List.of(new RedisSource()));
    // Netty's first class loading can take over ten seconds on a loaded two-core machine; done
    // here, it does not count against the panel's timeout.
    var warm =
        Workspace.named("warm").withConnections(Map.of("c", ConnectionSpec.ofUrl(redis.url())));
    engine
        .run(
            warm,
            dev.fetchboard.workspace.PanelSpec.of("w", "w", RedisCommandSpec.of("c", "PING"))
                .withSource(
                    RedisCommandSpec.of("c", "PING").withTimeout(java.time.Duration.ofMinutes(2))),
            e -> {})
        .await();
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    Path home = Files.createTempDirectory("fetchboard-redis-journey");
    window =
        new MainWindow(
            model,
            dispatcher,
            spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"),
            WindowServices.at(home.resolve("config"), home.resolve("data")));
    stage = new Stage();
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    FxWait.open(
        model,
        Workspace.named("Queues")
            .withConnections(Map.of("cache", ConnectionSpec.ofUrl(redis.url()))));
  }

  @AfterEach
  void tearDown() {
    robot.interact(() -> stage.close());
    window.close();
    model.close();
    engine.close();
    redis.close();
  }

  private TextField commandField() {
    return robot.from(window).lookup("#redis-command").queryAs(TextField.class);
  }

  @Test
  void addARedisPanelForAQueueLengthRunItAndTheTileShowsTheLength() throws Exception {
    robot.clickOn(robot.from(window).lookup("#add-redis").queryAs(Node.class));
    waitUntil(
        "the Redis form shows",
        () -> robot.from(window).lookup("#redis-command").tryQuery().isPresent());
    TextField command = commandField();
    robot.clickOn(command);
    robot.interact(command::selectAll);
    robot.write("LLEN jobs");
    waitUntil(
        "the form's command is in the workspace",
        () ->
            model.workspace().panels().stream()
                .anyMatch(
                    p ->
                        p.source() instanceof RedisCommandSpec r
                            && r.command().equals(List.of("LLEN", "jobs"))
                            && "cache".equals(r.connection())));
    robot.clickOn(robot.from(window).lookup("#run-panel").queryAs(Node.class));
    try {
      waitUntil(
          "the tile shows the queue's length",
          () ->
              robot.from(window).lookup(".tile").queryAllAs(TileView.class).stream()
                  .flatMap(t -> t.lookupAll(".tile-value").stream())
                  .anyMatch(n -> n instanceof Label l && l.getText().equals("4")));
    } catch (AssertionError e) {
      var vm = model.panels().getLast();
      throw new AssertionError(
          e.getMessage()
              + " (panel "
              + vm.spec()
              + ": state "
              + vm.stateProperty().get()
              + ", value "
              + vm.previewProperty().get()
              + ", problem "
              + vm.problemProperty().get()
              + ")",
          e);
    }
  }

  @Test
  void aPastedRedisCliLineKeepsItsCommandAndPicksTheConnection() throws Exception {
    robot.clickOn(robot.from(window).lookup("#add-redis").queryAs(Node.class));
    waitUntil(
        "the Redis form shows",
        () -> robot.from(window).lookup("#redis-command").tryQuery().isPresent());
    TextField command = commandField();
    robot.interact(
        () ->
            command.setText(
                "redis-cli -h 127.0.0.1 -p " + redis.port() + " -n 0 HGET \"user:1\" 'full name'"));
    waitUntil(
        "the field keeps the command only",
        () -> onFx(command::getText).equals("HGET user:1 \"full name\""));
    waitUntil(
        "the panel runs that command on the matching connection",
        () ->
            model.workspace().panels().stream()
                .anyMatch(
                    p ->
                        p.source() instanceof RedisCommandSpec r
                            && r.command().equals(List.of("HGET", "user:1", "full name"))
                            && "cache".equals(r.connection())));
  }
}
