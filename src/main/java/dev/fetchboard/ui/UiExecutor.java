package dev.fetchboard.ui;

import dev.fetchboard.engine.Workers;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way between the FX thread and other threads in the window: work runs on a virtual thread
 * ({@link #task}, {@link #submit}, {@link #execute}), what it returns or reports comes back on the
 * FX thread, a task can be cancelled, and whatever fails without a handler of its own goes to one
 * error handler (the window's error sink, shown in its banner). Tests use {@link #sameThread()},
 * which runs everything at once on the caller's thread.
 */
public final class UiExecutor {
  private final Executor workers;
  private final Executor fx;
  private volatile Thread.UncaughtExceptionHandler errors;

  private UiExecutor(Executor workers, Executor fx) {
    this.workers = workers;
    this.fx = fx;
    // Until the window hands over its sink: the handler every thread has (the sink once the app
    // installed it for all threads), else the JDK's, which prints the trace.
    this.errors =
        (thread, error) -> {
          var fallback = Thread.getDefaultUncaughtExceptionHandler();
          if (fallback != null) {
            fallback.uncaughtException(thread, error);
          } else {
            thread.getThreadGroup().uncaughtException(thread, error);
          }
        };
  }

  /** Work on virtual threads, results on the FX thread: the window's executor. */
  public static UiExecutor forWindow() {
    return new UiExecutor(
        Executors.newThreadPerTaskExecutor(Workers.virtual("ui-work")), Platform::runLater);
  }

  /** Everything on the caller's thread, at once, in order: deterministic tests. */
  public static UiExecutor sameThread() {
    return new UiExecutor(Runnable::run, Runnable::run);
  }

  /** Where unexpected failures go from now on (the window's error sink). */
  public void reportErrorsTo(Thread.UncaughtExceptionHandler handler) {
    this.errors = handler;
  }

  /** A task to configure (handlers, progress) and {@link UiTask#start}. */
  public <T> UiTask<T> task(String name, UiTask.Work<T> work) {
    return new UiTask<>(name, work, this);
  }

  /** Runs {@code work} off the FX thread and hands its value to {@code onDone} on the FX thread. */
  public <T> UiTask<T> submit(String name, Callable<T> work, Consumer<? super T> onDone) {
    return task(name, p -> work.call()).onDone(onDone).start();
  }

  /** Runs {@code work} off the FX thread; nothing comes back but a failure, to the error sink. */
  public UiTask<Void> execute(String name, Runnable work) {
    return this.<Void>task(
            name,
            p -> {
              work.run();
              return null;
            })
        .start();
  }

  /**
   * Runs {@code action} on the FX thread: later if called on it (after the event being handled),
   * else as soon as the FX thread is free. A failure goes to the error sink.
   */
  public void onFx(Runnable action) {
    fx.execute(() -> guarded(action));
  }

  void startWorker(Runnable work) {
    workers.execute(work);
  }

  /** Runs {@code action} now; a failure goes to the error sink instead of the caller. */
  void guarded(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | LinkageError e) {
      report(e);
    }
  }

  void report(Throwable error) {
    errors.uncaughtException(Thread.currentThread(), error);
  }
}
