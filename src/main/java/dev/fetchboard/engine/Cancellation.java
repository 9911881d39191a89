package dev.fetchboard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The stop signal of one run. Sources register what aborts their work in flight (close the response
 * stream, cancel the statement on the server); cancelling runs those and interrupts the worker, so
 * a stop aborts the exchange itself, not just the wait for it.
 */
public final class Cancellation {
  /** Why a run was stopped. */
  public enum Reason {
    USER,
    TIMEOUT,
    SHUTDOWN
  }

  private final List<Runnable> actions = new ArrayList<>();
  private volatile Reason reason;
  private Thread worker;

  /** Undoes an {@link #onCancel} registration once the guarded work is over. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs {@code action} when the run is cancelled, at once if it already is. */
  public Registration onCancel(Runnable action) {
    boolean runNow;
    synchronized (this) {
      runNow = reason != null;
      if (!runNow) {
        actions.add(action);
      }
    }
    if (runNow) {
      action.run();
    }
    return () -> {
      synchronized (this) {
        actions.remove(action);
      }
    };
  }

  /** Stops the run; the first reason given wins. */
  public void cancel(Reason why) {
    List<Runnable> toRun;
    Thread t;
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      toRun = List.copyOf(actions);
      actions.clear();
      t = worker;
    }
    for (Runnable r : toRun) {
      try {
        r.run();
      } catch (RuntimeException ignored) {
        // An abort that fails (stream already closed) has nothing left to stop.
      }
    }
    if (t != null) {
      t.interrupt();
    }
  }

  void timeOut() {
    cancel(Reason.TIMEOUT);
  }

  public boolean isCancelled() {
    return reason != null;
  }

  /** The reason, or null while not cancelled. */
  public Reason reason() {
    return reason;
  }

  synchronized void attach(Thread thread) {
    worker = thread;
    if (reason != null) {
      thread.interrupt();
    }
  }

  synchronized void detach() {
    worker = null;
  }
}
