package dev.fetchboard.alerts;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place alerts read a run's result and a panel's spec, so a change in their shape touches
 * this file only.
 */
final class ResultReading {
  private ResultReading() {}

  static Observation observe(RunResult r) {
    PanelState state =
        switch (r.outcome()) {
          case OK -> PanelState.OK;
          case CHECK_FAILED -> PanelState.CHECK_FAILED;
          case FAILED -> PanelState.FAILED;
          case CANCELLED -> null;
        };
    Duration latency = r.elapsed() == null ? Duration.ZERO : r.elapsed();
    Instant time = r.startedAt() == null ? Instant.now() : r.startedAt().plus(latency);
    Integer status = r.httpStatus().isPresent() ? r.httpStatus().getAsInt() : null;
    return new Observation(r.panelId(), state, r.problem(), r.value(), latency, time, status);
  }

  /** The title a person knows the panel by: its title, else its id. */
  static String title(Workspace ws, String panelId) {
    return ws.panel(panelId).map(PanelSpec::displayTitle).orElse(panelId);
  }
}
