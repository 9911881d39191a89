package dev.fetchboard.ui.window;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shortcut sheet (F1) shows every action and key whole. */
@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {
  private Engine engine;

  @Start
  void start(Stage stage) {
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource()));
    var dispatcher = new UiDispatcher();
    var model = new WorkspaceViewModel(engine, dispatcher);
    var window =
        new MainWindow(
            model, dispatcher, spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"));
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    window.installShortcuts(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void noKeyOrActionIsCut(FxRobot robot) throws Exception {
    robot.press(KeyCode.F1).release(KeyCode.F1);
    waitUntil("the sheet shows", () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
    var labels =
        robot.lookup("#shortcut-sheet .label").queryAllAs(Label.class).stream()
            .filter(l -> l.getText() != null && !l.getText().isEmpty())
            .toList();
    assertThat(labels).extracting(Label::getText).contains("Ctrl+Shift+Z or Ctrl+Y");
    assertThat(
            labels.stream()
                .filter(
                    l -> l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText()))
                .map(Label::getText))
        .as("labels drawn cut with '…'")
        .isEmpty();
  }
}
