package dev.fetchboard.serve;

import dev.fetchboard.alerts.Alerts;
import dev.fetchboard.alerts.TargetAnswer;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands every finished run to the workspace's alerts ({@code alerts:} in the file), so serve sends
 * the same Telegram, Slack, Teams or webhook messages the window does. A reload that changes the
 * alerts or the environment starts them anew; the old ones send what they had queued.
 */
public final class AlertsHook implements ResultHook {
  /** How long a stop waits for queued alert messages: within serve's own stop budget. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final Consumer<String> log;
  private volatile Alerts alerts;
  private Workspace basis;

  public AlertsHook(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public void finished(PanelSpec panel, RunResult result) {
    Alerts a = alerts;
    if (a != null) {
      a.onResult(result);
    }
  }

  @Override
  public synchronized void workspaceChanged(Workspace ws) {
    if (basis != null
        && Objects.equals(basis.alerts(), ws.alerts())
        && Objects.equals(basis.activeVariables(), ws.activeVariables())) {
      return;
    }
    basis = ws;
    Alerts old = alerts;
    if (ws.alerts().isEmpty()) {
      alerts = null;
    } else {
      Alerts now = Alerts.forWorkspace(ws);
      for (TargetAnswer p : now.problems()) {
        log.accept("alert " + p.target() + " is off: " + p.answer());
      }
      alerts = now;
      int n = ws.alerts().size();
      log.accept(n + (n == 1 ? " alert" : " alerts") + " armed");
    }
    if (old != null) {
      // Its queued messages go out on their own time, never holding up the reload.
      Thread.ofVirtual().name("alerts-close").start(() -> old.close(CLOSE_GRACE));
    }
  }

  @Override
  public synchronized void close() {
    Alerts a = alerts;
    alerts = null;
    if (a != null) {
      a.close(CLOSE_GRACE);
    }
  }
}
