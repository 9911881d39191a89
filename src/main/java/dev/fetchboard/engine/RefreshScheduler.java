package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs each panel that has a {@code refresh} interval again and again. A panel's next run is armed
 * only when its current run has finished (at its start plus the interval, or at once if the run
 * took longer), so a slow panel is never started twice and nothing piles up after the machine
 * sleeps.
 */
public final class RefreshScheduler implements AutoCloseable {
  private final Engine engine;
  private final Consumer<RunEvent> listener;
  private final ScheduledExecutorService timer = Workers.timer("fetchboard-refresh");
  private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile Workspace workspace;
  private volatile boolean running;

  public RefreshScheduler(Engine engine, Consumer<RunEvent> listener) {
    this.engine = engine;
    this.listener = listener;
  }

  /** Starts refreshing the panels of {@code ws} that have an interval; the first runs start now. */
  public synchronized void start(Workspace ws) {
    stopTimers();
    workspace = ws;
    running = true;
    long gen = generation.incrementAndGet();
    for (PanelSpec p : ws.panels()) {
      if (p.refresh() != null) {
        arm(p.id(), Duration.ZERO, gen);
      }
    }
  }

  /**
   * Uses a changed workspace from now on (edited panels, another environment): intervals restart.
   * Does nothing while stopped.
   */
  public synchronized void update(Workspace ws) {
    if (running) {
      start(ws);
    } else {
      workspace = ws;
    }
  }

  /** Stops arming new runs; runs in flight finish normally. */
  public synchronized void stop() {
    running = false;
    generation.incrementAndGet();
    stopTimers();
  }

  public boolean isRunning() {
    return running;
  }

  /** How many turns came while the panel's previous run was still going (and were skipped). */
  public long skippedTurns() {
    return skipped.get();
  }

  private void stopTimers() {
    armed.values().forEach(f -> f.cancel(false));
    armed.clear();
  }

  private void arm(String panelId, Duration delay, long gen) {
    ScheduledFuture<?> f =
        timer.schedule(
            () -> turn(panelId, gen), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    armed.put(panelId, f);
  }

  private void turn(String panelId, long gen) {
    Workspace ws = workspace;
    if (!running || gen != generation.get() || ws == null) {
      return;
    }
    PanelSpec panel = ws.panel(panelId).orElse(null);
    if (panel == null || panel.refresh() == null) {
      return;
    }
    if (engine.isActive(panelId)) {
      // Started by hand (Run) and still going: try again when it is likely done.
      skipped.incrementAndGet();
      arm(panelId, panel.refresh(), gen);
      return;
    }
    long startNanos = System.nanoTime();
    engine
        .run(ws, panel, listener)
        .results()
        .whenComplete(
            (results, error) -> {
              if (!running || gen != generation.get()) {
                return;
              }
              long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
              arm(panelId, panel.refresh().minusMillis(tookMillis), gen);
            });
  }

  @Override
  public void close() {
    stop();
    timer.shutdownNow();
  }
}
