package dev.fetchboard.cli;

import dev.fetchboard.Fetchboard;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RefreshScheduler;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fetchboard watch}: the dashboard in a terminal. Every panel refreshes on its interval and
 * each result prints as one line; with {@code --duration} it stops by itself and sums up, which is
 * also the soak test's harness.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Refreshes the panels of a workspace on their intervals and prints one line per result.",
      "Panels without a refresh interval use --every. Ctrl+C stops; so does --duration."
    })
public final class WatchCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description = "interval for panels that have none (default 10s)")
  String every = "10s";

  @Option(
      names = {"-d", "--duration"},
      paramLabel = "DURATION",
      description = "stop after this long and print a summary (e.g. 10m)")
  String duration;

  @Option(
      names = {"-q", "--quiet"},
      description = "print only the runs that failed, and the summary")
  boolean quiet;

  @Option(
      names = "--stats",
      description = "print heap, threads and open files at the start and the end (soak checks)")
  boolean stats;

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      converter = Counts.AtLeastOne.class,
      description = "runs in flight at once")
  Integer concurrency;

  @Override
  public Integer call() throws Exception {
    // One line per result for a person watching: titles and messages made terminal-safe.
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(spec.commandLine().getOut()), true);
    PrintWriter err = spec.commandLine().getErr();
    Duration interval;
    Duration stopAfter = null;
    try {
      interval = Durations.parse(every);
    } catch (IllegalArgumentException e) {
      err.println("fetchboard watch: --every: " + e.getMessage());
      return FetchboardCommand.USAGE;
    }
    try {
      if (duration != null) {
        stopAfter = Durations.parse(duration);
      }
    } catch (IllegalArgumentException e) {
      err.println("fetchboard watch: --duration: " + e.getMessage());
      return FetchboardCommand.USAGE;
    }
    if (interval.toMillis() < 500) {
      err.println("fetchboard watch: --every must be at least 500ms");
      return FetchboardCommand.USAGE;
    }
    if (stopAfter != null && stopAfter.isZero()) {
      err.println(
          "fetchboard watch: --duration must be more than 0 (leave it out to run until Ctrl+C)");
      return FetchboardCommand.USAGE;
    }
    if (concurrency != null && concurrency > 10_000) {
      err.println("fetchboard watch: --concurrency must be between 1 and 10000");
      return FetchboardCommand.USAGE;
    }
    Workspace workspace = workspaceOptions.load(err, "watch");
    if (workspace == null) {
      return FetchboardCommand.USAGE;
    }
    var panels = new ArrayList<PanelSpec>();
    for (PanelSpec p : workspace.panels()) {
      panels.add(p.refresh() == null ? p.withRefresh(interval) : p);
    }
    workspace = workspace.withPanels(panels);
    int inFlight = concurrency == null ? EngineConfig.DEFAULT.maxInFlight() : concurrency;
    var tally = new Tally();
    String startStats = stats ? Snapshot.take() : null;
    var stop = new CountDownLatch(1);
    Thread onCtrlC = new Thread(stop::countDown, "fetchboard-watch-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    long started = System.nanoTime();
    try (Engine engine =
            Fetchboard.newEngine(
                new EngineConfig(inFlight, Math.max(EngineConfig.DEFAULT.perHost(), inFlight)));
        var scheduler =
            new RefreshScheduler(
                engine,
                event -> {
                  tally.accept(event);
                  // Quiet still names every failure: a count alone says nothing to act on.
                  if (event instanceof RunEvent.Finished f && (!quiet || !f.result().ok())) {
                    synchronized (out) {
                      out.println(line(f.result()));
                      out.flush();
                    }
                  }
                })) {
      if (startStats != null) {
        out.println("start: " + startStats);
      }
      scheduler.start(workspace);
      if (stats && stopAfter != null) {
        // Start and end alone compare an idle process with a closed one; a snapshot once warmed up
        // and one just before stopping show whether connections and memory stay flat under load.
        long warmMillis = Math.min(60_000, stopAfter.toMillis() / 2);
        if (!stop.await(warmMillis, TimeUnit.MILLISECONDS)) {
          out.println("warm:  " + Snapshot.take());
        }
        stop.await(stopAfter.toMillis() - warmMillis, TimeUnit.MILLISECONDS);
        out.println("last:  " + Snapshot.take());
      } else if (stopAfter == null) {
        stop.await();
      } else {
        stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      }
      scheduler.stop();
      engine.cancelAll();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException ignored) {
        // shutting down already
      }
    }
    Duration ran = Duration.ofNanos(System.nanoTime() - started);
    out.println(tally.summary(ran));
    if (stats) {
      System.gc();
      out.println("closed: " + Snapshot.take());
    }
    out.flush();
    return tally.failed.get() == 0 && tally.problems() == 0
        ? FetchboardCommand.OK
        : FetchboardCommand.FAILED;
  }

  private static String line(RunResult r) {
    var sb = new StringBuilder();
    sb.append(LocalTime.now().format(CLOCK)).append(' ').append(r.ok() ? "✔ " : "✘ ");
    sb.append(r.panelId());
    r.httpStatus().ifPresent(status -> sb.append(' ').append(status));
    sb.append(' ').append(Durations.human(r.elapsed()));
    if (r.table() != null) {
      sb.append(' ').append(r.rowCount()).append(r.rowCount() == 1 ? " row" : " rows");
    }
    String problem = r.problem();
    if (problem != null) {
      sb.append("  ").append(problem);
    }
    return sb.toString();
  }

  /** Counts runs and checks that every started run finished, in order, once. */
  static final class Tally {
    final AtomicLong started = new AtomicLong();
    final AtomicLong finished = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    private final Map<String, Long> lastRunId = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> open = new ConcurrentHashMap<>();

    void accept(RunEvent event) {
      switch (event) {
        case RunEvent.Queued q -> {
          started.incrementAndGet();
          open.put(q.runId(), Boolean.TRUE);
        }
        case RunEvent.Finished f -> {
          finished.incrementAndGet();
          if (open.remove(f.runId()) == null) {
            duplicates.incrementAndGet();
          }
          if (!f.result().ok()) {
            failed.incrementAndGet();
          }
          lastRunId.merge(
              f.panelId(),
              f.runId(),
              (previous, now) -> {
                if (now < previous) {
                  outOfOrder.incrementAndGet();
                }
                return Math.max(previous, now);
              });
        }
        default -> {}
      }
    }

    long problems() {
      return outOfOrder.get() + duplicates.get();
    }

    String summary(Duration ran) {
      return String.format(
          Locale.ROOT,
          "%d runs in %s (%d failed); unfinished at stop: %d; out of order: %d; finished twice: %d",
          finished.get(),
          Durations.human(ran),
          failed.get(),
          open.size(),
          outOfOrder.get(),
          duplicates.get());
    }
  }

  /** Heap, threads, open files and sockets of this process, for soak checks. */
  static final class Snapshot {
    static String take() {
      var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      long fds = -1;
      long sockets = -1;
      try (var s = Files.list(Path.of("/proc/self/fd"))) {
        var links = s.map(Snapshot::target).toList();
        fds = links.size();
        // Open connections (HTTP keep-alive, database pool) show up as socket links.
        sockets = links.stream().filter(t -> t.startsWith("socket:")).count();
      } catch (java.io.IOException | UnsupportedOperationException ignored) {
        // not on Linux: left out
      }
      return String.format(
          Locale.ROOT,
          "heap used %d MB, platform threads %d, open files %d, sockets %d",
          mem.getUsed() / (1024 * 1024),
          threads,
          fds,
          sockets);
    }

    private static String target(Path fd) {
      try {
        return Files.readSymbolicLink(fd).toString();
      } catch (java.io.IOException e) {
        return ""; // closed while listing
      }
    }
  }
}
