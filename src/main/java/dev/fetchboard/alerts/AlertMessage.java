package dev.fetchboard.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one message to a target says: one change, a summary of changes held back, or a test. */
sealed interface AlertMessage {
  /** The panel this message is about, or null for a test. */
  String panelId();

  /** One change of a panel's outcome. */
  record Change(AlertEvent event) implements AlertMessage {
    @Override
    public String panelId() {
      return event.panelId();
    }
  }

  /**
   * Changes held back by {@code minInterval} after a message about the same panel, sent together
   * once it passed.
   *
   * @param held the changes in order (at most a few are kept; {@code count} says how many there
   *     were)
   */
  record Summary(List<AlertEvent> held, int count, Duration window) implements AlertMessage {
    public Summary {
      held = List.copyOf(held);
    }

    @Override
    public String panelId() {
      return latest().panelId();
    }

    AlertEvent latest() {
      return held.getLast();
    }
  }

  /** A message asking nothing, to see that alerts reach the target. */
  record Test(String workspace, Instant time) implements AlertMessage {
    @Override
    public String panelId() {
      return null;
    }
  }
}
