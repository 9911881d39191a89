package dev.fetchboard.ui.live;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs the window's per-frame work only while there is some. A running {@link AnimationTimer} makes
 * JavaFX pulse sixty times a second even when nothing changes, which kept an idle window busy; here
 * the timer starts when work arrives ({@link #wake}, from any thread, at most one {@code runLater}
 * per wake-up) and stops after a second without any. A separate once-a-second tick keeps clocks
 * such as "3 s ago" current without pulsing in between.
 */
public final class FramePump {
  /** How long frames keep running after the last one that had work. */
  private static final long LINGER_NANOS = 1_000_000_000L;

  private final LongPredicate frame;
  private final BooleanSupplier pending;
  private final Runnable onStart;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AnimationTimer timer;
  private long lastBusy;
  private volatile long framesRun;
  private Future<?> ticks;

  /**
   * @param frame the work of one frame (FX thread), given the frame's time; true when it did work
   *     or has more to do
   * @param pending whether work is waiting (any thread), asked before stopping so a wake-up that
   *     raced with the stop is not lost
   * @param onStart called on the FX thread when frames start again after a rest
   */
  public FramePump(LongPredicate frame, BooleanSupplier pending, Runnable onStart) {
    this.frame = frame;
    this.pending = pending;
    this.onStart = onStart;
    this.timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            onFrame(now);
          }
        };
  }

  /** Makes sure frames run soon; cheap and safe from any thread, as often as events arrive. */
  public void wake() {
    if (!running.get() && running.compareAndSet(false, true)) {
      Platform.runLater(this::start);
    }
  }

  /** How many frames have run (FX thread writes; tests read). */
  public long framesRun() {
    return framesRun;
  }

  /** True while frames are running (for tests and the status bar). */
  public boolean isRunning() {
    return running.get();
  }

  private void start() {
    lastBusy = System.nanoTime();
    onStart.run();
    timer.start();
  }

  private void onFrame(long now) {
    framesRun++;
    if (frame.test(now)) {
      lastBusy = now;
      return;
    }
    if (now - lastBusy < LINGER_NANOS) {
      return;
    }
    timer.stop();
    running.set(false);
    if (pending.getAsBoolean()) {
      wake();
    }
  }

  /**
   * Calls {@code tick} on the FX thread once a second until {@link #stopTicks}; the executor's
   * thread only schedules, the work runs on the FX thread.
   */
  public void startTicks(ScheduledExecutorService executor, Runnable tick) {
    stopTicks();
    ticks =
        executor.scheduleWithFixedDelay(
            () -> Platform.runLater(tick), 1_000, 1_000, TimeUnit.MILLISECONDS);
  }

  /** Stops the once-a-second tick (the window closed). */
  public void stopTicks() {
    if (ticks != null) {
      ticks.cancel(false);
      ticks = null;
    }
  }
}
