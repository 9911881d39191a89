package dev.fetchboard.engine;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/** The one place that makes threads: virtual threads for I/O, one daemon for timers. */
public final class Workers {
  private Workers() {}

  /** Virtual threads named {@code prefix-N}, for runs and other blocking I/O. */
  public static ThreadFactory virtual(String prefix) {
    return Thread.ofVirtual().name(prefix + "-", 0).factory();
  }

  /** A single daemon platform thread for timeouts and refresh timers. */
  public static ScheduledExecutorService timer(String name) {
    var executor =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().name(name).daemon(true).unstarted(r));
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
