package dev.fetchboard.ui;

import dev.fetchboard.ui.model.WorkspaceViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The window's part of the AOT training run made when the app image is built (installer/build.sh,
 * {@code -Dfetchboard.aotTraining=true}): once the workspace is open it runs every panel and opens
 * each one's editor and result, then quits. The JVM records the classes this loads and links, so a
 * user's first frame and first click on a tile need not load them again.
 */
final class AotTraining {
  static final String PROPERTY = "fetchboard.aotTraining";

  private AotTraining() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Starts the scripted session on the FX thread; it ends the application by itself. */
  static void exercise(WorkspaceViewModel model) {
    int[] step = {0};
    var timeline = new Timeline();
    timeline
        .getKeyFrames()
        .add(
            new KeyFrame(
                Duration.millis(250),
                e -> {
                  var panels = model.panels();
                  int n = step[0]++;
                  if (n == 0 || panels.isEmpty()) {
                    return;
                  }
                  if (n == 1) {
                    model.runAll();
                  }
                  if (n <= panels.size()) {
                    model.select(panels.get(n - 1));
                  } else if (n > panels.size() + 8 || model.active() == 0) {
                    timeline.stop();
                    Platform.exit();
                  }
                }));
    timeline.setCycleCount(Timeline.INDEFINITE);
    timeline.play();
  }
}
