package dev.fetchboard.ui.live;

import dev.fetchboard.engine.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries engine events to the FX thread. Producers (worker threads) only record the newest state
 * per panel in a map — many progress events of one panel collapse into one, and a finished result
 * is kept beside the newest state so it is never lost — and never wait. Once per pulse the FX
 * thread drains the map ({@link #drain}), so the UI work per frame is bounded by the number of
 * panels, not by the number of events; {@link #drain(int)} bounds it further, oldest panels first,
 * so 200 panels finishing in the same instant are shown over a few frames instead of one long one.
 */
public final class UiDispatcher implements Consumer<RunEvent> {
  /** What one panel needs applied: its newest state event and its newest finished run. */
  public record PanelUpdate(RunEvent latest, RunEvent.Finished finished) {
    PanelUpdate merge(PanelUpdate newer) {
      RunEvent latestEvent = newer.latest.runId() >= latest.runId() ? newer.latest : latest;
      RunEvent.Finished fin = newer.finished != null ? newer.finished : finished;
      if (finished != null && newer.finished != null && finished.runId() > newer.finished.runId()) {
        fin = finished;
      }
      return new PanelUpdate(latestEvent, fin);
    }
  }

  private final Map<String, PanelUpdate> pending = new ConcurrentHashMap<>();

  /** Panels with a pending update, in the order their update arrived: a key is here iff pending. */
  private final java.util.Queue<String> order = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private volatile Runnable onPending = () -> {};

  private final AtomicLong eventsSeen = new AtomicLong();
  private final AtomicLong finishedSeen = new AtomicLong();
  private final AtomicLong rowsSeen = new AtomicLong();
  private final Map<Long, Long> rowsByRun = new ConcurrentHashMap<>();

  @Override
  public void accept(RunEvent e) {
    eventsSeen.incrementAndGet();
    RunEvent.Finished fin = e instanceof RunEvent.Finished f ? f : null;
    if (fin != null) {
      finishedSeen.incrementAndGet();
      Long before = rowsByRun.remove(e.runId());
      rowsSeen.addAndGet(Math.max(0, fin.result().rowCount() - (before == null ? 0 : before)));
    } else if (e instanceof RunEvent.Progress p) {
      Long before = rowsByRun.put(e.runId(), p.rows());
      rowsSeen.addAndGet(Math.max(0, p.rows() - (before == null ? 0 : before)));
    }
    var update = new PanelUpdate(e, fin);
    pending.compute(
        e.panelId(),
        (id, old) -> {
          if (old == null) {
            order.add(id);
            return update;
          }
          return old.merge(update);
        });
    onPending.run();
  }

  /**
   * Called (on the producer's thread) after every event is recorded: the window wakes its frames
   * with it. Must be cheap and never block.
   */
  public void setOnPending(Runnable onPending) {
    this.onPending = onPending;
  }

  /** True while some panel has an update not yet drained. */
  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Takes every pending update (FX thread, once per pulse). */
  public List<Map.Entry<String, PanelUpdate>> drain() {
    return drain(Integer.MAX_VALUE, null);
  }

  /**
   * Takes the pending updates of at most {@code max} panels: {@code first}'s (the panel the user is
   * looking at, may be null) before all others, then those waiting longest; the rest stay (and keep
   * merging newer events) for the next pulse.
   */
  public List<Map.Entry<String, PanelUpdate>> drain(int max, String first) {
    if (pending.isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<Map.Entry<String, PanelUpdate>>(Math.min(max, pending.size()));
    if (first != null && order.remove(first)) {
      PanelUpdate u = pending.remove(first);
      if (u != null) {
        out.add(Map.entry(first, u));
      }
    }
    String key;
    while (out.size() < max && (key = order.poll()) != null) {
      // Removed together with its place in the queue: a later event queues the panel again.
      PanelUpdate u = pending.remove(key);
      if (u != null) {
        out.add(Map.entry(key, u));
      }
    }
    return out;
  }

  /** Events received so far (for the status bar's rates). */
  public long eventsSeen() {
    return eventsSeen.get();
  }

  public long finishedSeen() {
    return finishedSeen.get();
  }

  public long rowsSeen() {
    return rowsSeen.get();
  }
}
