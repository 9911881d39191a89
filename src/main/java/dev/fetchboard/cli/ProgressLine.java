package dev.fetchboard.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress report on stderr ("3/10 done · 4 running"), only when stderr is a terminal,
 * so pipes and files get clean output.
 */
final class ProgressLine {
  private static final long MIN_INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final int total;
  private volatile boolean enabled;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private volatile long lastPrint;
  private volatile boolean printed;

  private ProgressLine(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  static ProgressLine forTerminal(PrintWriter err, int total) {
    var console = System.console();
    return new ProgressLine(err, total, console != null && console.isTerminal());
  }

  void started() {
    running.incrementAndGet();
    print(false);
  }

  void finished() {
    running.decrementAndGet();
    done.incrementAndGet();
    print(done.get() == total);
  }

  private void print(boolean force) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastPrint < MIN_INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    synchronized (err) {
      write(
          "\r"
              + done.get()
              + "/"
              + total
              + " done · "
              + Math.max(0, running.get())
              + " running   ");
      printed = true;
    }
  }

  private void write(String text) {
    if (err instanceof TerminalPrintWriter terminal) {
      terminal.printControl(text);
    } else {
      err.print(text);
      err.flush();
    }
  }

  /** Removes the line and prints no more (results are about to be printed). */
  void clear() {
    boolean wasEnabled = enabled;
    enabled = false;
    if (wasEnabled && printed) {
      synchronized (err) {
        write("\r\033[K");
      }
    }
  }
}
