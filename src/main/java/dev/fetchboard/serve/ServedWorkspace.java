package dev.fetchboard.serve;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.RefreshScheduler;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The workspace serve runs: every panel on its refresh interval (through the engine's {@link
 * RefreshScheduler}), each finished run recorded in the metrics, kept as the panel's latest result
 * and handed to the {@link ResultHook}. A reload swaps the workspace in without restarting the
 * panels that did not change.
 */
public final class ServedWorkspace implements AutoCloseable {
  /** A panel and its latest result. */
  public record Latest(PanelSpec panel, RunResult result) {}

  private final Engine engine;
  private final PanelMetrics metrics;
  private final ResultHook hook;
  private final Consumer<String> log;
  private final RefreshScheduler scheduler;
  private final Map<String, RunResult> latest = new ConcurrentHashMap<>();
  private volatile Workspace workspace;
  // Panels by id for the result path (a thousand panels, a thousand results a second).
  private volatile Map<String, PanelSpec> byId = Map.of();

  /**
   * @param log where a hook's failure is told (one line)
   */
  public ServedWorkspace(
      Engine engine, PanelMetrics metrics, ResultHook hook, Consumer<String> log) {
    this.engine = engine;
    this.metrics = metrics;
    this.hook = hook;
    this.log = log;
    this.scheduler = new RefreshScheduler(engine, this::onEvent);
  }

  /** Starts refreshing every panel of {@code ws} that has an interval (the first runs now). */
  public synchronized void start(Workspace ws) {
    use(ws);
    metrics.keepOnly(PanelLabels.of(ws));
    hook.workspaceChanged(ws);
    scheduler.start(ws);
  }

  /**
   * Uses an edited workspace from now on: new panels start, removed ones stop and lose their series
   * and latest result, the rest keep their schedule.
   */
  public synchronized void update(Workspace ws) {
    use(ws);
    metrics.keepOnly(PanelLabels.of(ws));
    latest.keySet().removeIf(id -> ws.panel(id).isEmpty());
    hook.workspaceChanged(ws);
    scheduler.update(ws);
  }

  private void use(Workspace ws) {
    var ids = new java.util.HashMap<String, PanelSpec>();
    for (PanelSpec p : ws.panels()) {
      ids.put(p.id(), p);
    }
    byId = Map.copyOf(ids);
    workspace = ws;
  }

  public Workspace workspace() {
    return workspace;
  }

  /** True while panels are being refreshed. */
  public boolean running() {
    return scheduler.isRunning();
  }

  /** The latest result of each panel that has one, in the workspace's order. */
  public List<Latest> latest() {
    Workspace ws = workspace;
    var out = new ArrayList<Latest>(ws.panels().size());
    for (PanelSpec p : ws.panels()) {
      RunResult r = latest.get(p.id());
      if (r != null) {
        out.add(new Latest(p, r));
      }
    }
    return out;
  }

  /**
   * Stops arming runs, cancels those in flight and waits up to {@code grace} for them to end, so
   * nothing is left half-done when the process exits.
   *
   * @return true when every run ended within {@code grace}
   */
  public boolean stop(Duration grace) throws InterruptedException {
    scheduler.stop();
    int inFlight = engine.activeCount();
    engine.cancelAll();
    if (inFlight > 0) {
      log.accept("cancelled " + inFlight + (inFlight == 1 ? " run" : " runs") + " in flight");
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (engine.activeCount() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private void onEvent(RunEvent event) {
    if (!(event instanceof RunEvent.Finished f)) {
      return;
    }
    RunResult r = f.result();
    metrics.record(ResultFacts.of(r));
    PanelSpec panel = byId.get(f.panelId());
    if (panel == null) {
      return;
    }
    latest.put(panel.id(), r);
    try {
      hook.finished(panel, r);
    } catch (RuntimeException e) {
      // A broken hook must not stop the panel's refreshes; say it once per failure, plainly.
      log.accept("result hook failed for panel '" + panel.id() + "': " + e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
