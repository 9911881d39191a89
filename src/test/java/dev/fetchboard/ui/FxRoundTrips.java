package dev.fetchboard.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Measures how quickly the FX thread answers: a worker thread posts a {@code Platform.runLater}
 * every few milliseconds and records how long each took to run, and how much CPU time the window's
 * threads (the FX thread and the renderer, which draws what the FX thread laid out) spent
 * meanwhile. A slow answer with little such CPU means the window was made to wait (other processes,
 * a garbage collection), not that it was busy.
 */
final class FxRoundTrips implements AutoCloseable {
  /** One round trip: wall time, and the window threads' CPU time within it, in ms. */
  record Trip(long millis, long windowCpuMillis) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final List<Trip> trips = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final long fxThreadId;
  private final long rendererId;
  private final Thread prober;

  private FxRoundTrips(long fxThreadId) {
    this.fxThreadId = fxThreadId;
    this.rendererId =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("QuantumRenderer"))
            .mapToLong(Thread::threadId)
            .findFirst()
            .orElse(-1);
    prober = Thread.ofPlatform().name("fx-round-trips").daemon().start(this::probe);
  }

  static FxRoundTrips start() throws InterruptedException {
    var id = new long[1];
    var found = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          id[0] = Thread.currentThread().threadId();
          found.countDown();
        });
    found.await();
    return new FxRoundTrips(id[0]);
  }

  private void probe() {
    while (running.get()) {
      var answered = new CountDownLatch(1);
      long cpu0 = windowCpu();
      long t0 = System.nanoTime();
      Platform.runLater(answered::countDown);
      try {
        answered.await();
        long wall = System.nanoTime() - t0;
        long cpu = windowCpu() - cpu0;
        synchronized (trips) {
          trips.add(
              new Trip(TimeUnit.NANOSECONDS.toMillis(wall), TimeUnit.NANOSECONDS.toMillis(cpu)));
        }
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long windowCpu() {
    return THREADS.getThreadCpuTime(fxThreadId)
        + (rendererId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(rendererId)));
  }

  int count() {
    synchronized (trips) {
      return trips.size();
    }
  }

  /** The round trip (ms) that {@code p} percent of them took at most; 100 is the slowest. */
  long percentile(double p) {
    List<Long> sorted;
    synchronized (trips) {
      sorted = trips.stream().map(Trip::millis).sorted().toList();
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
  }

  /** The most CPU time the window's threads spent within one round trip, in ms. */
  long busiestWindowCpuMillis() {
    synchronized (trips) {
      return trips.stream().mapToLong(Trip::windowCpuMillis).max().orElse(0);
    }
  }

  /** The slowest round trips, slowest first, for messages. */
  List<Trip> slowest(int n) {
    synchronized (trips) {
      return trips.stream()
          .sorted((a, b) -> Long.compare(b.millis(), a.millis()))
          .limit(n)
          .toList();
    }
  }

  @Override
  public void close() {
    running.set(false);
    try {
      prober.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
