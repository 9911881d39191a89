package dev.fetchboard.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions nobody caught end up: each is written to the log with its trace, then
 * handed to whoever shows them (the window's banner). It never opens a window itself.
 */
public final class ErrorSink implements Thread.UncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorSink.class);

  /** One unexpected error: where it happened, a plain one-line summary and the full trace. */
  public record Report(String thread, String summary, String details) {}

  private final List<Consumer<Report>> listeners = new CopyOnWriteArrayList<>();

  /**
   * A sink that is every thread's handler from now on (the default handler; a thread with its own
   * handler, such as the FX thread once {@link #handleOn} ran on it, keeps that).
   */
  public static ErrorSink installForAllThreads() {
    var errors = new ErrorSink();
    Thread.setDefaultUncaughtExceptionHandler(errors);
    return errors;
  }

  /** Makes this sink the handler of {@code thread} (the FX thread). */
  public void handleOn(Thread thread) {
    thread.setUncaughtExceptionHandler(this);
  }

  /** Calls {@code listener} with each report, on the thread that failed. */
  public void addListener(Consumer<Report> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<Report> listener) {
    listeners.remove(listener);
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    report(thread.getName(), error);
  }

  /** Logs {@code error} and tells the listeners; never throws. */
  public void report(String thread, Throwable error) {
    String details = trace(error);
    try {
      LOG.error("Unexpected error on thread {}", thread, error);
    } catch (RuntimeException | LinkageError ignored) {
      // Logging broke too: the listeners still get the details.
    }
    var report = new Report(thread, summary(error), details);
    for (Consumer<Report> l : listeners) {
      try {
        l.accept(report);
      } catch (RuntimeException e) {
        // A listener that fails must not bring the report back here in a loop.
        LOG.warn("Could not show an unexpected error", e);
      }
    }
  }

  /** A line for people: the innermost cause's message, without Java class names. */
  static String summary(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? "no details were given" : message.strip();
  }

  static String trace(Throwable error) {
    var out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
