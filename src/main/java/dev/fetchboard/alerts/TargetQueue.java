package dev.fetchboard.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's outbox: a bounded queue drained by its own virtual thread, so a slow or failing
 * target never delays a run nor another target. Per panel it sends at most one message per {@code
 * minInterval}; changes in between are held back and sent as one summary when it has passed. Past
 * the queue's bound, events are dropped and counted in the log.
 */
final class TargetQueue {
  private static final Logger LOG = LoggerFactory.getLogger(TargetQueue.class);

  /** Held changes kept in detail per panel; more are only counted. */
  private static final int MAX_HELD_DETAIL = 20;

  private static final Object STOP = new Object();

  private final AlertRoute route;
  private final Delivery delivery;
  private final InstantSource clock;
  private final int bound;
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final Thread worker;
  private volatile boolean stopping;
  // Touched by the worker thread only.
  private final Map<String, Hold> holds = new HashMap<>();
  private long droppedReported;

  TargetQueue(AlertRoute route, Delivery delivery, InstantSource clock, int bound) {
    this.route = route;
    this.delivery = delivery;
    this.clock = clock;
    this.bound = bound;
    this.worker = Thread.ofVirtual().name("alerts-" + route.index()).unstarted(this::work);
    worker.start();
  }

  AlertRoute route() {
    return route;
  }

  /** Queues an event; never blocks. False when it was dropped (queue full, or closing). */
  boolean offer(AlertEvent e) {
    if (stopping) {
      return false;
    }
    if (queued.incrementAndGet() > bound) {
      queued.decrementAndGet();
      if (dropped.incrementAndGet() == 1) {
        LOG.warn(
            "alerts to {}: the queue is full ({} waiting); new events are dropped and counted",
            route.sender().describe(),
            bound);
      }
      return false;
    }
    queue.add(e);
    return true;
  }

  long dropped() {
    return dropped.get();
  }

  long sent() {
    return sent.get();
  }

  /**
   * Stops taking events, sends what is queued and held (summaries at once), waiting at most {@code
   * grace}; what is left then is given up and counted in the log.
   */
  void close(Duration grace) {
    stopping = true;
    queue.add(STOP);
    try {
      if (!worker.join(grace)) {
        worker.interrupt();
        worker.join(Duration.ofSeconds(1));
        LOG.warn(
            "alerts to {}: stopped before {} queued message(s) could be sent",
            route.sender().describe(),
            queued.get());
      }
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  private void work() {
    try {
      while (true) {
        Instant due = nextDue();
        Object item;
        if (due == null) {
          item = queue.take();
        } else {
          long wait = Math.max(0, Duration.between(clock.instant(), due).toMillis());
          item = queue.poll(wait, TimeUnit.MILLISECONDS);
        }
        reportDrops();
        if (item == STOP) {
          for (Hold h : holds.values()) {
            flush(h);
          }
          return;
        }
        if (item instanceof AlertEvent e) {
          queued.decrementAndGet();
          accept(e);
        }
        Instant now = clock.instant();
        for (Hold h : holds.values()) {
          if (!h.held.isEmpty() && !now.isBefore(h.due())) {
            flush(h);
          }
        }
      }
    } catch (InterruptedException e) {
      // close() gave up waiting: what is left is reported there.
    } catch (RuntimeException e) {
      LOG.error("alerts to {} stopped: {}", route.sender().describe(), e.toString(), e);
    }
  }

  private void accept(AlertEvent e) throws InterruptedException {
    Hold h = holds.computeIfAbsent(e.panelId(), id -> new Hold());
    Instant now = clock.instant();
    if (h.held.isEmpty() && (h.lastSent == null || !now.isBefore(h.due()))) {
      send(new AlertMessage.Change(e));
      h.lastSent = clock.instant();
    } else {
      h.count++;
      if (h.held.size() < MAX_HELD_DETAIL) {
        h.held.add(e);
      } else {
        h.held.set(h.held.size() - 1, e); // keep the newest: it says how things are now
      }
    }
  }

  private void flush(Hold h) throws InterruptedException {
    if (h.held.isEmpty()) {
      return;
    }
    AlertMessage m =
        h.count == 1
            ? new AlertMessage.Change(h.held.getFirst())
            : new AlertMessage.Summary(h.held, h.count, route.minInterval());
    h.held.clear();
    h.count = 0;
    send(m);
    h.lastSent = clock.instant();
  }

  private void send(AlertMessage m) throws InterruptedException {
    if (delivery.deliver(route.sender(), m).delivered()) {
      sent.incrementAndGet();
    }
  }

  private Instant nextDue() {
    Instant next = null;
    for (Hold h : holds.values()) {
      if (!h.held.isEmpty() && (next == null || h.due().isBefore(next))) {
        next = h.due();
      }
    }
    return next;
  }

  private void reportDrops() {
    long now = dropped.get();
    if (now > droppedReported) {
      LOG.warn(
          "alerts to {}: {} event(s) dropped so far because the queue was full",
          route.sender().describe(),
          now);
      droppedReported = now;
    }
  }

  /** One panel's last message and the changes held back since. */
  private final class Hold {
    Instant lastSent;
    final List<AlertEvent> held = new ArrayList<>();
    int count;

    Instant due() {
      return lastSent == null ? Instant.MIN : lastSent.plus(route.minInterval());
    }
  }
}
