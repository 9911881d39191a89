package dev.fetchboard.cli;

import dev.fetchboard.alerts.Alerts;
import dev.fetchboard.alerts.TargetAnswer;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * The alerts of a {@code run} or {@code watch}: none unless asked for, else the workspace's, with
 * the entries that cannot send told on stderr once. Closing sends what is still queued.
 */
final class RunAlerts implements AutoCloseable {
  private final Alerts alerts;

  private RunAlerts(Alerts alerts) {
    this.alerts = alerts;
  }

  static RunAlerts open(
      boolean wanted, Workspace workspace, Function<String, String> env, PrintWriter err) {
    if (!wanted || workspace.alerts().isEmpty()) {
      return new RunAlerts(null);
    }
    Alerts alerts = Alerts.forWorkspace(workspace, env);
    for (TargetAnswer p : alerts.problems()) {
      err.println("fetchboard: the alert to " + p.target() + " is off: " + p.answer());
    }
    err.flush();
    return new RunAlerts(alerts);
  }

  boolean active() {
    return alerts != null;
  }

  void onResult(RunResult result) {
    if (alerts != null) {
      alerts.onResult(result);
    }
  }

  /** "alerts: 2 sent, 0 dropped", or null without alerts. */
  String summary() {
    return alerts == null
        ? null
        : "alerts: " + alerts.sent() + " sent, " + alerts.dropped() + " dropped (queue full)";
  }

  @Override
  public void close() {
    if (alerts != null) {
      alerts.close();
    }
  }
}
