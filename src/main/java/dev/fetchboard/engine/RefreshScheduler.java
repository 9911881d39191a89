package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
  private final Map<String, ScheduledFuture<?>> armed = new HashMap<>();
  // Each panel's chain of turns carries a token; re-arming one panel gives it a new token, so its
  // old chain ends without touching the others' schedules.
  private final Map<String, Long> tokens = new HashMap<>();
  private final AtomicLong nextToken = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile Workspace workspace;
  private volatile boolean running;

  public RefreshScheduler(Engine engine, Consumer<RunEvent> listener) {
    this.engine = engine;
    this.listener = listener;
  }

  /** Starts refreshing the panels of {@code ws} that have an interval; the first runs start now. */
  public synchronized void start(Workspace ws) {
    disarmAll();
    workspace = ws;
    running = true;
    for (PanelSpec p : ws.panels()) {
      if (p.refresh() != null) {
        arm(p.id(), Duration.ZERO, newToken(p.id()));
      }
    }
  }

  /**
   * Uses a changed workspace from now on (an edited panel, another environment). Only a panel whose
   * interval changed is re-armed (at its new interval from now); a new panel with an interval
   * starts now; a removed one stops; every other panel keeps its schedule, and its next turn runs
   * what the workspace then says. Does nothing but remember the workspace while stopped.
   */
  public synchronized void update(Workspace ws) {
    Workspace old = workspace;
    workspace = ws;
    if (!running) {
      return;
    }
    for (PanelSpec p : ws.panels()) {
      PanelSpec before = old == null ? null : old.panel(p.id()).orElse(null);
      if (p.refresh() == null) {
        disarm(p.id());
      } else if (before == null) {
        arm(p.id(), Duration.ZERO, newToken(p.id()));
      } else if (!p.refresh().equals(before.refresh())) {
        arm(p.id(), p.refresh(), newToken(p.id()));
      }
    }
    for (String id : new ArrayList<>(tokens.keySet())) {
      if (ws.panel(id).isEmpty()) {
        disarm(id);
      }
    }
  }

  /** Stops arming new runs; runs in flight finish normally. */
  public synchronized void stop() {
    running = false;
    disarmAll();
  }

  public boolean isRunning() {
    return running;
  }

  /** How many turns came while the panel's previous run was still going (and were skipped). */
  public long skippedTurns() {
    return skipped.get();
  }

  private long newToken(String panelId) {
    long token = nextToken.incrementAndGet();
    tokens.put(panelId, token);
    return token;
  }

  private void disarm(String panelId) {
    tokens.remove(panelId);
    ScheduledFuture<?> f = armed.remove(panelId);
    if (f != null) {
      f.cancel(false);
    }
  }

  private void disarmAll() {
    tokens.clear();
    armed.values().forEach(f -> f.cancel(false));
    armed.clear();
  }

  private boolean current(String panelId, long token) {
    Long now = tokens.get(panelId);
    return running && now != null && now == token;
  }

  /** Arms the panel's next turn, unless its chain was replaced or stopped meanwhile. */
  private synchronized void arm(String panelId, Duration delay, long token) {
    if (!current(panelId, token)) {
      return;
    }
    ScheduledFuture<?> f =
        timer.schedule(
            () -> turn(panelId, token), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> was = armed.put(panelId, f);
    if (was != null) {
      was.cancel(false);
    }
  }

  /** The panel's current spec when its chain is still the live one and it has an interval. */
  private synchronized PanelSpec due(String panelId, long token) {
    Workspace ws = workspace;
    if (!current(panelId, token) || ws == null) {
      return null;
    }
    PanelSpec panel = ws.panel(panelId).orElse(null);
    return panel == null || panel.refresh() == null ? null : panel;
  }

  private void turn(String panelId, long token) {
    PanelSpec panel = due(panelId, token);
    if (panel == null) {
      return;
    }
    Workspace ws = workspace;
    if (engine.isActive(panelId)) {
      // Started by hand (Run) and still going: try again when it is likely done.
      skipped.incrementAndGet();
      arm(panelId, panel.refresh(), token);
      return;
    }
    long startNanos = System.nanoTime();
    engine
        .run(ws, panel, listener)
        .results()
        .whenComplete(
            (results, error) -> {
              // The interval as it is now: it may have been edited while the run went on.
              PanelSpec now = due(panelId, token);
              if (now != null) {
                long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
                arm(panelId, now.refresh().minusMillis(tookMillis), token);
              }
            });
  }

  @Override
  public void close() {
    stop();
    timer.shutdownNow();
  }
}
