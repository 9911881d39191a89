package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs one panel many times at a fixed concurrency and sums up latency and outcomes. Like a load
 * generator's connections, {@code concurrency} workers each run one request after another until the
 * count is reached, so no thread is made per request.
 */
final class RepeatRunner {
  /** The most runs one repeat may ask for; bounds the latency array. */
  static final int MAX_COUNT = 10_000_000;

  private final Engine engine;
  private final Workspace workspace;
  private final PanelSpec panel;
  private final PanelResolver resolver;

  RepeatRunner(Engine engine, Workspace workspace, PanelSpec panel, PanelResolver resolver) {
    this.engine = engine;
    this.workspace = workspace;
    this.panel = panel;
    this.resolver = resolver;
  }

  RepeatResult run(int count, int concurrency) throws InterruptedException {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("repeat count must be between 1 and " + MAX_COUNT);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    Engine.Prepared prepared = engine.prepare(panel, workspace, resolver);
    if (prepared.error() == null) {
      try {
        var warm =
            new RunContext(
                0, panel.id(), workspace, resolver, new Cancellation(), e -> {}, true, null);
        prepared.source().warmUp(prepared.panel(), warm, Math.min(concurrency, count));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        // Warming up is best effort; the timed runs report any real failure.
      }
    }
    long[] latencies = new long[count];
    var next = new AtomicInteger();
    var failed = new AtomicInteger();
    var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
    // Counted without boxing or a map lookup per run; statuses outside 0-599 go to the map.
    var commonStatuses = new AtomicIntegerArray(COMMON_STATUSES);
    var errors = new ConcurrentHashMap<String, AtomicInteger>();
    int workers = Math.min(concurrency, count);
    var current = new AtomicReferenceArray<Cancellation>(workers);
    List<Thread> threads = new ArrayList<>(workers);
    long startNanos = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      final int worker = w;
      threads.add(
          engine
              .threads()
              .newThread(
                  () -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                      var cancellation = new Cancellation();
                      current.set(worker, cancellation);
                      if (Thread.currentThread().isInterrupted()) {
                        return;
                      }
                      RunResult r =
                          engine.execute(
                              new RunRequest(
                                  engine.nextRunId(),
                                  workspace,
                                  resolver,
                                  panel,
                                  cancellation,
                                  e -> {},
                                  new RunRequest.Repeat(prepared)));
                      latencies[i] = r.elapsed().toNanos();
                      if (r.payload() instanceof HttpExchange http) {
                        int status = http.status();
                        if (status >= 0 && status < COMMON_STATUSES) {
                          commonStatuses.incrementAndGet(status);
                        } else {
                          statuses
                              .computeIfAbsent(status, k -> new AtomicInteger())
                              .incrementAndGet();
                        }
                      }
                      if (!r.ok()) {
                        failed.incrementAndGet();
                        String why = r.problem() == null ? r.outcome().name() : r.problem();
                        if (errors.size() < 20 || errors.containsKey(why)) {
                          errors.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
                        }
                      }
                    }
                  }));
    }
    threads.forEach(Thread::start);
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      for (int w = 0; w < workers; w++) {
        Cancellation c = current.get(w);
        if (c != null) {
          c.cancel(Cancellation.Reason.USER);
        }
      }
      threads.forEach(Thread::interrupt);
      throw e;
    }
    long wallNanos = System.nanoTime() - startNanos;
    int done = Math.min(count, next.get());
    long[] sorted = Arrays.copyOf(latencies, done);
    Arrays.sort(sorted);
    return new RepeatResult(
        panel.id(),
        count,
        done - failed.get(),
        failed.get(),
        wallNanos / 1_000_000,
        done / (wallNanos / 1e9),
        millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.90)),
        millis(percentile(sorted, 0.99)),
        millis(sorted[sorted.length - 1]),
        statusCounts(commonStatuses, statuses),
        redacted(toCounts(errors)));
  }

  // user:password@ in any URL a message quotes (a Location header, a request line).
  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

  /**
   * The error summary as every other CLI output shows errors: values that came from {@code
   * ${env:...}} put back as their references, and credentials in URLs hidden. Done once at the end,
   * not per failed run; messages that become equal are counted together.
   */
  private Map<String, Integer> redacted(Map<String, Integer> errors) {
    var out = new TreeMap<String, Integer>();
    errors.forEach((why, n) -> out.merge(redact(resolver, why), n, Integer::sum));
    return out;
  }

  static String redact(PanelResolver resolver, String message) {
    return USER_INFO.matcher(resolver.redact(message)).replaceAll("$1‹redacted›@");
  }

  private static final int COMMON_STATUSES = 600;

  private static Map<Integer, Integer> statusCounts(
      AtomicIntegerArray common, Map<Integer, AtomicInteger> others) {
    var out = toCounts(others);
    for (int s = 0; s < common.length(); s++) {
      int n = common.get(s);
      if (n > 0) {
        out.put(s, n);
      }
    }
    return out;
  }

  private static long percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }

  private static <K extends Comparable<K>> Map<K, Integer> toCounts(Map<K, AtomicInteger> in) {
    var out = new TreeMap<K, Integer>();
    in.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
