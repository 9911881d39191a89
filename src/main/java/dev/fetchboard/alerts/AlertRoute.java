package dev.fetchboard.alerts;

import dev.fetchboard.workspace.AlertTrigger;
import java.time.Duration;
import java.util.Set;

/**
 * One {@code alerts:} entry made ready: which triggers of which panels go to which target.
 *
 * @param index the entry's place in the file (alerts[index])
 * @param panels the panel ids it is for; empty for every panel
 */
record AlertRoute(
    int index, Set<AlertTrigger> on, Set<String> panels, Duration minInterval, AlertSender sender) {
  AlertRoute {
    on = Set.copyOf(on);
    panels = Set.copyOf(panels);
  }

  boolean matches(AlertEvent e) {
    return on.contains(e.trigger()) && (panels.isEmpty() || panels.contains(e.panelId()));
  }
}
