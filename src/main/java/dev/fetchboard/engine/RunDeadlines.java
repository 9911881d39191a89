package dev.fetchboard.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Times runs out: each run in flight registers its deadline, and one daemon thread sleeps until the
 * nearest one and cancels what is past due. Registering and withdrawing are a put and a remove in a
 * concurrent set; a {@link java.util.concurrent.ScheduledThreadPoolExecutor} took one lock for both
 * and re-sorted its queue twice per run, which a load probe running thousands of runs a second
 * measurably paid for (bench/RESULTS.md).
 */
final class RunDeadlines implements AutoCloseable {
  /** A registered deadline; {@link #close} withdraws it once the run is over. */
  final class Deadline implements AutoCloseable {
    private final Cancellation cancellation;
    private final long atNanos;
    private final int hash;

    private Deadline(Cancellation cancellation, long atNanos, long id) {
      this.cancellation = cancellation;
      this.atNanos = atNanos;
      this.hash = Long.hashCode(id);
    }

    @Override
    public int hashCode() {
      // Identity equality; a cheap spread hash instead of the identity hash.
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public void close() {
      pending.remove(this);
    }
  }

  private final Set<Deadline> pending = ConcurrentHashMap.newKeySet();
  private final Thread watcher;

  /** When the watcher will next look (nanoTime); a nearer deadline wakes it early. */
  private volatile long wakeAtNanos;

  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  RunDeadlines(String threadName) {
    wakeAtNanos = System.nanoTime() + Long.MAX_VALUE / 2;
    watcher = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::watch);
  }

  /**
   * Cancels {@code cancellation} with {@link Cancellation.Reason#TIMEOUT} after {@code millis}
   * unless the returned deadline is closed first.
   */
  Deadline register(Cancellation cancellation, long millis, long id) {
    long in = Math.min(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)), Long.MAX_VALUE / 4);
    long at = System.nanoTime() + in;
    var d = new Deadline(cancellation, at, id);
    pending.add(d);
    if (!started.get() && started.compareAndSet(false, true)) {
      // The thread starts with the first run: an engine that never runs anything has none.
      watcher.start();
    }
    // Written before the watcher's scan or read after it: either it sees this deadline or this
    // sees when it will wake (volatile on both sides).
    if (at - wakeAtNanos < 0) {
      LockSupport.unpark(watcher);
    }
    return d;
  }

  private void watch() {
    while (!closed) {
      long now = System.nanoTime();
      long next = now + Long.MAX_VALUE / 2;
      wakeAtNanos = next;
      for (Deadline d : pending) {
        if (now - d.atNanos >= 0) {
          if (pending.remove(d)) {
            try {
              d.cancellation.timeOut();
            } catch (RuntimeException ignored) {
              // A failing abort action must not stop the watcher; the run still ends.
            }
          }
        } else if (d.atNanos - next < 0) {
          next = d.atNanos;
        }
      }
      wakeAtNanos = next;
      // A deadline registered during the scan with an earlier time than `next` unparked us (or
      // will): parkNanos returns at once then, and the loop scans again.
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        LockSupport.parkNanos(this, sleep);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(watcher);
  }
}
