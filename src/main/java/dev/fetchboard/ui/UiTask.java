package dev.fetchboard.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One piece of work run by a {@link UiExecutor}: configured on the FX thread (what to do with its
 * value, its failure, its progress), then {@link #start}ed. Every handler runs on the FX thread;
 * after {@link #cancel} none but {@code onCancelled} does. Progress from the worker is coalesced:
 * the FX thread sees the latest, never a queue of them.
 */
public final class UiTask<T> {
  /** The work, given a way to report progress and to learn it was cancelled. */
  @FunctionalInterface
  public interface Work<T> {
    T call(Progress progress) throws Exception;
  }

  /** What the work may tell while it runs, from its own thread. */
  public interface Progress {
    /** A line about where it is ("12,000 rows written"). */
    void message(String text);

    /** How far it is, from 0 to 1. */
    void fraction(double done);

    /** True once the task was cancelled: the work should stop soon. */
    boolean cancelled();

    /** Runs {@code action} off the FX thread when the task is cancelled (stop a query, …). */
    void onCancel(Runnable action);
  }

  private record Report(String message, double fraction) {}

  private static final Report NOTHING = new Report(null, -1);

  private final String name;
  private final Work<T> work;
  private final UiExecutor executor;
  private Consumer<? super T> onDone = v -> {};
  private Consumer<? super Exception> onFailure;
  private Runnable onCancelled = () -> {};
  private Consumer<String> onMessage = m -> {};
  private DoubleConsumer onFraction = f -> {};
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<Report> pending = new AtomicReference<>();
  private final AtomicReference<Runnable> cancelAction = new AtomicReference<>();
  private volatile Thread worker;
  private volatile boolean done;
  private volatile T value;
  private volatile Report latestShown = NOTHING;

  UiTask(String name, Work<T> work, UiExecutor executor) {
    this.name = name;
    this.work = work;
    this.executor = executor;
  }

  /** Called with the work's value on the FX thread. */
  public UiTask<T> onDone(Consumer<? super T> handler) {
    this.onDone = handler;
    return this;
  }

  /** Called with what the work threw on the FX thread; without it, the error sink gets it. */
  public UiTask<T> onFailure(Consumer<? super Exception> handler) {
    this.onFailure = handler;
    return this;
  }

  /** Called on the FX thread when the task was cancelled before it ended. */
  public UiTask<T> onCancelled(Runnable handler) {
    this.onCancelled = handler;
    return this;
  }

  /** Called on the FX thread with the latest message the work reported. */
  public UiTask<T> onMessage(Consumer<String> handler) {
    this.onMessage = handler;
    return this;
  }

  /** Called on the FX thread with the latest fraction the work reported. */
  public UiTask<T> onFraction(DoubleConsumer handler) {
    this.onFraction = handler;
    return this;
  }

  /** Starts the work on a worker thread; returns this task. */
  public UiTask<T> start() {
    executor.startWorker(this::runWork);
    return this;
  }

  /** Stops the task: its worker is interrupted and no value or failure is delivered any more. */
  public void cancel() {
    if (done || !cancelled.compareAndSet(false, true)) {
      return;
    }
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
    Runnable action = cancelAction.getAndSet(null);
    if (action != null) {
      // Stopping may mean network I/O (a query on the server): never on the FX thread.
      executor.startWorker(() -> executor.guarded(action));
    }
    executor.onFx(
        () -> {
          done = true;
          onCancelled.run();
        });
  }

  /** True once the value, the failure or the cancellation was delivered. */
  public boolean isDone() {
    return done;
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** The work's value once {@link #isDone} (null before, or after a failure). */
  public T value() {
    return value;
  }

  @Override
  public String toString() {
    return "task " + name;
  }

  private void runWork() {
    worker = Thread.currentThread();
    T result;
    try {
      result = work.call(progress());
    } catch (Exception e) {
      worker = null;
      executor.onFx(() -> failed(e));
      return;
    }
    worker = null;
    executor.onFx(() -> succeeded(result));
  }

  private void succeeded(T result) {
    if (cancelled.get()) {
      done = true;
      return;
    }
    value = result;
    done = true;
    onDone.accept(result);
  }

  private void failed(Exception e) {
    done = true;
    boolean stopped =
        cancelled.get() || e instanceof InterruptedException || e instanceof CancellationException;
    if (stopped) {
      return;
    }
    if (onFailure != null) {
      onFailure.accept(e);
    } else {
      executor.report(e);
    }
  }

  private Progress progress() {
    return new Progress() {
      @Override
      public void message(String text) {
        post(new Report(text, current().fraction()));
      }

      @Override
      public void fraction(double f) {
        post(new Report(current().message(), f));
      }

      @Override
      public boolean cancelled() {
        return cancelled.get();
      }

      @Override
      public void onCancel(Runnable action) {
        cancelAction.set(action);
        if (cancelled.get() && cancelAction.compareAndSet(action, null)) {
          executor.guarded(action);
        }
      }
    };
  }

  private Report current() {
    Report r = pending.get();
    return r == null ? latestShown : r;
  }

  /** Records the latest report; only the first since the last delivery schedules one. */
  private void post(Report r) {
    if (pending.getAndSet(r) == null) {
      executor.onFx(this::deliverProgress);
    }
  }

  private void deliverProgress() {
    Report r = pending.getAndSet(null);
    if (r == null || cancelled.get()) {
      return;
    }
    latestShown = r;
    if (r.message() != null) {
      onMessage.accept(r.message());
    }
    if (r.fraction() >= 0) {
      onFraction.accept(r.fraction());
    }
  }
}
