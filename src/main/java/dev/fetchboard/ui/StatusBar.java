package dev.fetchboard.ui;

import dev.fetchboard.ui.live.PulseMonitor;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Panels running and queued, requests and rows per second, and the longest stall of the FX thread
 * in the last ten seconds, so responsiveness is visible to the user.
 */
final class StatusBar extends HBox {
  private final Label activity = new Label();
  private final Label rates = new Label();
  private final Label stall = new Label();
  private final Label message = new Label();
  private long lastFinished;
  private long lastRows;
  private long lastNanos;

  StatusBar(WorkspaceViewModel model) {
    super(16);
    getStyleClass().add("status-bar");
    stall.setId("stall");
    activity.setId("status-activity");
    rates.setId("status-rates");
    message.setId("status-message");
    // The figures keep their width; a long message is the one cut short (with an ellipsis).
    for (Label figure : new Label[] {activity, rates, stall}) {
      figure.setMinWidth(Region.USE_PREF_SIZE);
    }
    message.setMinWidth(0);
    HBox.setHgrow(message, Priority.SOMETIMES);
    message.setMaxWidth(Double.MAX_VALUE);
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    message.textProperty().bind(model.messageProperty());
    getChildren().addAll(activity, rates, message, spacer, stall);
    showActivity(model);
  }

  /** Running and queued counts as the tiles show them; called whenever panels changed state. */
  void showActivity(WorkspaceViewModel model) {
    int running = 0;
    int queued = 0;
    for (PanelViewModel vm : model.panels()) {
      if (vm.state() == PanelState.RUNNING) {
        running++;
      } else if (vm.state() == PanelState.QUEUED) {
        queued++;
      }
    }
    String text = running + " running · " + queued + " queued";
    if (!text.equals(activity.getText())) {
      activity.setText(text);
    }
  }

  /** Updates the figures; called about once a second. */
  void update(WorkspaceViewModel model, UiDispatcher dispatcher, PulseMonitor pulses, long now) {
    showActivity(model);
    if (lastNanos > 0) {
      double secs = (now - lastNanos) / 1e9;
      double rps = (dispatcher.finishedSeen() - lastFinished) / secs;
      double rows = (dispatcher.rowsSeen() - lastRows) / secs;
      rates.setText(String.format(Locale.ROOT, "%.0f req/s · %,.0f rows/s", rps, rows));
    }
    lastNanos = now;
    lastFinished = dispatcher.finishedSeen();
    lastRows = dispatcher.rowsSeen();
    double gap = pulses.longestGapMillis(now);
    stall.setText(String.format(Locale.ROOT, "longest frame gap (10 s): %.0f ms", gap));
    stall.getStyleClass().removeAll("stall-warn");
    if (gap > 50) {
      stall.getStyleClass().add("stall-warn");
    }
  }
}
