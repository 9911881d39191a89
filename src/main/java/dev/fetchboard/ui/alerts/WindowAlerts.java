package dev.fetchboard.ui.alerts;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.fetchboard.alerts.AlertEvent;
import dev.fetchboard.alerts.Alerts;
import dev.fetchboard.alerts.TargetAnswer;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The open workspace's alerts in the window: sends them as runs finish, shows each change as a
 * notice at the top (non-modal, gone after a while or on ×), and offers Run ▸ Send test alert.
 * Everything here runs on the FX thread except sending, which {@link Alerts} does on its own
 * threads, and closing an old workspace's alerts, done off the FX thread.
 */
public final class WindowAlerts {
  /** Notices shown at once; older ones make room. */
  static final int MAX_NOTICES = 3;

  private static final Duration NOTICE_TIME = Duration.seconds(12);

  private final WorkspaceViewModel model;
  private final UiExecutor executor;
  private final VBox notices = new VBox(4);
  private Alerts alerts;
  private Workspace basis;

  public WindowAlerts(WorkspaceViewModel model, UiExecutor executor) {
    this.model = model;
    this.executor = executor;
    notices.getStyleClass().add("alert-notices");
    notices.setId("alert-notices");
    model.workspaceProperty().subscribe(this::follow);
  }

  /** The column of notices, for the top of the window. */
  public VBox notices() {
    return notices;
  }

  /** Adds "Send test alert" to the Run menu of {@code bar}. */
  public void install(MenuBar bar) {
    var item = new MenuItem("Send test alert");
    item.setId("send-test-alert");
    item.setOnAction(e -> sendTest());
    bar.getMenus().stream()
        .filter(m -> "Run".equals(m.getText()))
        .findFirst()
        .or(() -> bar.getMenus().stream().reduce((a, b) -> b))
        .map(Menu::getItems)
        .ifPresent(items -> items.add(item));
  }

  /** Hands the runs finished in this frame to the alerts (FX thread; never blocks). */
  public void seen(List<Map.Entry<String, UiDispatcher.PanelUpdate>> updates) {
    if (alerts == null) {
      return;
    }
    for (var u : updates) {
      RunEvent.Finished f = u.getValue().finished();
      if (f != null) {
        alerts.onResult(f.result());
      }
    }
  }

  /** New alerts when the workspace's alerts, name or environment change; the old ones close. */
  private void follow(Workspace ws) {
    if (ws == null || basis != null && sameAlerts(basis, ws)) {
      basis = ws;
      return;
    }
    basis = ws;
    Alerts old = alerts;
    alerts = null;
    if (old != null) {
      executor.execute("close alerts", old::close);
    }
    if (!ws.alerts().isEmpty()) {
      Alerts made = Alerts.forWorkspace(ws);
      made.addListener(this::show);
      for (TargetAnswer p : made.problems()) {
        notice("The alert to " + p.target() + " is off: " + p.answer(), Styles.WARNING);
      }
      alerts = made;
    }
  }

  private static boolean sameAlerts(Workspace a, Workspace b) {
    return a.alerts().equals(b.alerts())
        && a.name().equals(b.name())
        && Objects.equals(a.activeVariables(), b.activeVariables());
  }

  private void show(AlertEvent e) {
    String style =
        switch (e.trigger()) {
          case FAILED -> Styles.DANGER;
          case CHECK_FAILED -> Styles.WARNING;
          case RECOVERED -> Styles.SUCCESS;
        };
    String text =
        switch (e.trigger()) {
          case FAILED -> e.title() + " failed";
          case CHECK_FAILED -> e.title() + ": a check failed";
          case RECOVERED -> e.title() + " recovered";
        };
    notice(e.message() == null ? text : text + " — " + e.message(), style);
  }

  private void sendTest() {
    Alerts current = alerts;
    if (current == null) {
      notice(
          model.workspace().alerts().isEmpty()
              ? "This workspace has no alerts: section (docs/alerts.md shows how to write one)"
              : "The alerts of this workspace cannot send; see the notices above",
          Styles.WARNING);
      return;
    }
    model.tell("Sending a test alert…");
    executor.submit(
        "send test alert",
        current::sendTest,
        answers -> {
          boolean allOk = answers.stream().allMatch(TargetAnswer::delivered);
          model.tell(allOk ? "Every alert target took the test message" : "An alert target failed");
          notice(
              answers.stream()
                  .map(a -> (a.delivered() ? "✔ " : "✘ ") + a.target() + ": " + a.answer())
                  .collect(Collectors.joining("\n")),
              allOk ? Styles.SUCCESS : Styles.DANGER);
        });
  }

  private void notice(String text, String style) {
    var n = new Notification(text, new FontIcon(Feather.BELL));
    n.getStyleClass().addAll(style, Styles.ELEVATED_1, "alert-notice");
    n.setOnClose(e -> notices.getChildren().remove(n));
    notices.getChildren().addFirst(n);
    while (notices.getChildren().size() > MAX_NOTICES) {
      notices.getChildren().removeLast();
    }
    var hide = new PauseTransition(NOTICE_TIME);
    hide.setOnFinished(e -> notices.getChildren().remove(n));
    hide.play();
  }

  /** Sends what is queued, off the FX thread, and stops (the window closes). */
  public void close() {
    Alerts last = alerts;
    alerts = null;
    if (last != null) {
      executor.execute("close alerts", last::close);
    }
  }
}
