package dev.fetchboard.state;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes only the latest of many submitted values, a short delay after the last submission, on an
 * I/O thread: a burst of changes (a window being dragged, a user typing) costs one write. Writes
 * never overlap, and the last value submitted is the last one written.
 */
public final class DebouncedWriter<T> {
  /** The blocking write of one value. */
  @FunctionalInterface
  public interface Write<T> {
    void write(T value) throws Exception;
  }

  private final Duration delay;
  private final ScheduledExecutorService timer;
  private final Executor io;
  private final Write<T> write;
  private final Consumer<String> onError;
  private final Object lock = new Object();
  // A value may itself be null (the recovery copy's "remove it"), so whether one waits is a flag.
  private @Nullable T pending;
  private boolean hasPending;
  private @Nullable ScheduledFuture<?> scheduled;

  /**
   * @param onError told, on the writing thread, when a write fails (the value is then dropped; the
   *     next submission tries again)
   */
  public DebouncedWriter(
      Duration delay,
      ScheduledExecutorService timer,
      Executor io,
      Write<T> write,
      Consumer<String> onError) {
    this.delay = delay;
    this.timer = timer;
    this.io = io;
    this.write = write;
    this.onError = onError;
  }

  /** Replaces whatever is waiting by {@code value} and restarts the delay. */
  public void submit(T value) {
    synchronized (lock) {
      pending = value;
      hasPending = true;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      try {
        scheduled =
            timer.schedule(
                () -> io.execute(this::writePending), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // Closing: flush() writes what waits.
        scheduled = null;
      }
    }
  }

  /** Writes what is waiting now, on the calling thread (for closing the app). */
  public void flush() {
    synchronized (lock) {
      if (scheduled != null) {
        scheduled.cancel(false);
        scheduled = null;
      }
    }
    writePending();
  }

  /** True while a value waits for its write. */
  public boolean isPending() {
    synchronized (lock) {
      return hasPending;
    }
  }

  // Serialised on this object: a flush and a timed write never interleave, and whichever runs
  // second finds nothing pending.
  // A submitted value may be null on purpose ("remove the copy"), and is written as such.
  @SuppressWarnings("NullAway")
  private synchronized void writePending() {
    T value;
    synchronized (lock) {
      if (!hasPending) {
        return;
      }
      value = pending;
      pending = null;
      hasPending = false;
    }
    try {
      write.write(value);
    } catch (Exception e) {
      onError.accept(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}
