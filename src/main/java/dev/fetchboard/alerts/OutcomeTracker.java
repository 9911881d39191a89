package dev.fetchboard.alerts;

import dev.fetchboard.workspace.AlertTrigger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each panel's last outcome and turns a change into an event: to failed, to a failed
 * check, or back to OK. Steady state (OK after OK, failed after failed) is no event; a panel's
 * first run is one only when it is not OK. Safe to call from many threads.
 */
final class OutcomeTracker {
  private final Map<String, PanelState> last = new ConcurrentHashMap<>();

  /** The event this observation makes, or null when nothing changed. */
  AlertEvent observe(Observation o, String title, String workspace) {
    if (o.state() == null) {
      return null;
    }
    PanelState previous = last.put(o.panelId(), o.state());
    if (previous == o.state() || (previous == null && o.state() == PanelState.OK)) {
      return null;
    }
    AlertTrigger trigger =
        switch (o.state()) {
          case OK -> AlertTrigger.RECOVERED;
          case FAILED -> AlertTrigger.FAILED;
          case CHECK_FAILED -> AlertTrigger.CHECK_FAILED;
        };
    return new AlertEvent(
        o.panelId(),
        title,
        trigger,
        previous,
        o.state(),
        o.state() == PanelState.OK ? null : o.problem(),
        o.value(),
        o.latency(),
        o.time(),
        workspace);
  }

  /** Forgets a panel (it was deleted or the workspace changed). */
  void forget(String panelId) {
    last.remove(panelId);
  }
}
