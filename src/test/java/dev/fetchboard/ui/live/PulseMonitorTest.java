package dev.fetchboard.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The frame-gap meter behind the status bar's "longest stall", fed with made-up pulse times. */
class PulseMonitorTest {
  private static final long MS = 1_000_000L;

  @Test
  void theLongestGapBetweenFramesIsReported() {
    var m = new PulseMonitor();
    long t = 1_000 * MS;
    m.frame(t);
    m.frame(t += 16 * MS);
    m.frame(t += 250 * MS);
    m.frame(t += 16 * MS);
    assertThat(m.longestGapMillis(t)).isEqualTo(250.0);
  }

  @Test
  void aStallOlderThanTenSecondsIsForgotten() {
    var m = new PulseMonitor();
    long t = 1_000 * MS;
    m.frame(t);
    m.frame(t += 400 * MS);
    for (int i = 0; i < 700; i++) {
      m.frame(t += 16 * MS);
    }
    assertThat(m.longestGapMillis(t)).isEqualTo(16.0);
  }

  @Test
  void aStallIsForgottenTenSecondsLaterEvenWhenNoFrameCame() {
    var m = new PulseMonitor();
    long t = 1_000 * MS;
    m.frame(t);
    m.frame(t += 1_000 * MS);
    // The window went idle: no frames, only the status bar's once-a-second look.
    assertThat(m.longestGapMillis(t + 5_000 * MS)).isEqualTo(1_000.0);
    assertThat(m.longestGapMillis(t + 11_000 * MS)).isZero();
  }
}
