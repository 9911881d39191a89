package dev.fetchboard.alerts;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the waits instead of sleeping them. */
@FunctionalInterface
interface Pauses {
  void pause(Duration d) throws InterruptedException;

  static Pauses real() {
    return d -> Thread.sleep(d);
  }
}
