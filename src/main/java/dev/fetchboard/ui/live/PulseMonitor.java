package dev.fetchboard.ui.live;

import java.util.ArrayDeque;

/**
 * Measures the gaps between frames, so the status bar can show the longest stall of the FX thread
 * in the last ten seconds. Fed by the pulse timer with {@code System.nanoTime()} values.
 */
public final class PulseMonitor {
  private static final long WINDOW_NANOS = 10_000_000_000L;

  private final ArrayDeque<long[]> gaps = new ArrayDeque<>();
  private long last;

  /** Records a frame at {@code now} and returns the gap since the previous one (ns, 0 at first). */
  public long frame(long now) {
    long gap = last == 0 ? 0 : now - last;
    last = now;
    if (gap > 0) {
      gaps.addLast(new long[] {now, gap});
    }
    while (!gaps.isEmpty() && now - gaps.peekFirst()[0] > WINDOW_NANOS) {
      gaps.removeFirst();
    }
    return gap;
  }

  /**
   * Forgets the last frame: frames stopped while the window was idle, and the pause until they
   * start again is rest, not a stall.
   */
  public void resume() {
    last = 0;
  }

  /**
   * The longest gap between frames in the ten seconds before {@code now}: frames stop while the
   * window is idle, so old gaps are dropped here too, not only when the next frame comes.
   */
  public double longestGapMillis(long now) {
    while (!gaps.isEmpty() && now - gaps.peekFirst()[0] > WINDOW_NANOS) {
      gaps.removeFirst();
    }
    long max = 0;
    for (long[] g : gaps) {
      max = Math.max(max, g[1]);
    }
    return max / 1e6;
  }
}
