package dev.fetchboard.engine;

import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Variables;
import dev.fetchboard.workspace.Variables.UnknownVariableException;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs panels concurrently, each on its own virtual thread, under a global in-flight limit and a
 * limit per source key (per HTTP host, for instance), with a timeout per run, cancellation and
 * retries. It reports {@link RunEvent}s to a listener and never blocks the caller.
 */
public final class Engine implements AutoCloseable {
  /** Runs queued or in flight at most; more are refused with a clear message. */
  public static final int MAX_ACTIVE_RUNS = 20_000;

  private final EngineConfig config;
  private final List<Source> sources;
  private final Semaphore global;
  private final Map<String, Semaphore> keyed = new ConcurrentHashMap<>();
  private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
  private final AtomicLong runIds = new AtomicLong();
  private final ThreadFactory threads = Workers.virtual("run");
  private final RunDeadlines deadlines = new RunDeadlines("fetchboard-timeouts");
  private final WorkspaceValidator validator = new WorkspaceValidator(false);

  private final java.util.function.Function<String, String> processEnvironment;

  public Engine(EngineConfig config, List<Source> sources) {
    this(config, sources, System::getenv);
  }

  /**
   * @param processEnvironment where {@code ${env:NAME}} values come from (tests pass a map)
   */
  public Engine(
      EngineConfig config,
      List<Source> sources,
      java.util.function.Function<String, String> processEnvironment) {
    this.processEnvironment = processEnvironment;
    this.config = config;
    this.sources = List.copyOf(sources);
    this.global = new Semaphore(config.maxInFlight(), true);
  }

  public EngineConfig config() {
    return config;
  }

  /** The source of this class the engine runs with, or null (tools reuse its settings). */
  public <S extends Source> S source(Class<S> kind) {
    for (Source s : sources) {
      if (kind.isInstance(s)) {
        return kind.cast(s);
      }
    }
    return null;
  }

  /**
   * Starts every panel at once (each waits for its slot) and returns at once.
   *
   * @param workspace gives variables (active environment) and connections
   * @param listener receives the events of every run, on worker threads
   */
  public RunBatch run(
      Workspace workspace, Collection<PanelSpec> panels, Consumer<RunEvent> listener) {
    var resolver =
        new PanelResolver(new Variables(workspace.activeVariables(), processEnvironment));
    var runs = new ArrayList<ActiveRun>(panels.size());
    for (PanelSpec panel : panels) {
      runs.add(start(workspace, resolver, panel, listener));
    }
    return new RunBatch(runs);
  }

  /**
   * Runs one SQL panel again and hands every row to {@code sink} instead of keeping them: an export
   * of a whole result, past the panel's row cap, in bounded memory. Blocks until done; errors are
   * in the result, as for any run. The panel's timeout applies.
   */
  public RunResult streamRows(
      Workspace workspace, PanelSpec panel, RowSink sink, Cancellation cancellation) {
    if (panel.asSql().isEmpty()) {
      return RunResult.failed(
          panel.id(),
          0,
          Instant.now(),
          Duration.ZERO,
          RunError.of(ErrorKind.INVALID_INPUT, "only SQL panels can stream their rows again"),
          0);
    }
    var resolver =
        new PanelResolver(new Variables(workspace.activeVariables(), processEnvironment));
    long id = runIds.incrementAndGet();
    return ResultAssembly.redacted(
        execute(
            new RunRequest(
                id,
                workspace,
                resolver,
                panel,
                cancellation,
                e -> {},
                new RunRequest.Export(sink))),
        resolver);
  }

  /**
   * Opens, in the background, one database connection for each SQL connection the workspace's
   * panels use, so the first Run after opening a workspace does not wait for connection set-up.
   * Best effort: a failure here is left for the runs to report. Returns at once.
   */
  public void warmUp(Workspace workspace) {
    var resolver =
        new PanelResolver(new Variables(workspace.activeVariables(), processEnvironment));
    var seen = new java.util.HashSet<String>();
    for (PanelSpec panel : workspace.panels()) {
      if (panel.asSql().filter(sql -> seen.add(String.valueOf(sql.connection()))).isEmpty()) {
        continue;
      }
      threads
          .newThread(
              () -> {
                Prepared ready = prepare(panel, workspace, resolver);
                if (ready.error() != null) {
                  return;
                }
                var ctx =
                    new RunContext(
                        0,
                        panel.id(),
                        workspace,
                        resolver,
                        new Cancellation(),
                        e -> {},
                        true,
                        null);
                try {
                  ready.source().warmUp(ready.panel(), ctx, 1);
                } catch (Exception e) {
                  // the panel's own run reports what is wrong with its connection
                }
              })
          .start();
    }
  }

  /**
   * "Test connection" for a connection being edited: its variables resolved against the workspace's
   * active environment, then tried by the source that runs that kind of connection. Blocks while it
   * connects; call it off the FX thread.
   */
  public ConnectionCheck testConnection(Workspace workspace, String name, ConnectionSpec spec) {
    ConnectionSpec resolved;
    try {
      resolved =
          new PanelResolver(new Variables(workspace.activeVariables(), processEnvironment))
              .resolve(name, spec);
    } catch (UnknownVariableException e) {
      return new ConnectionCheck(false, null, null, e.getMessage());
    }
    for (Source source : sources) {
      if (source instanceof ConnectionTester tester && tester.tests(resolved)) {
        return tester.testConnection(resolved);
      }
    }
    return new ConnectionCheck(false, null, null, "no source can test this connection");
  }

  /** Starts one panel; see {@link #run}. */
  public RunBatch run(Workspace workspace, PanelSpec panel, Consumer<RunEvent> listener) {
    return run(workspace, List.of(panel), listener);
  }

  /** True while a run of this panel is queued or in flight. */
  public boolean isActive(String panelId) {
    return active.values().stream().anyMatch(r -> r.panelId.equals(panelId));
  }

  /** Runs queued or in flight now. */
  public int activeCount() {
    return active.size();
  }

  /** Cancels every run of one panel. */
  public void cancel(String panelId) {
    active.values().stream()
        .filter(r -> r.panelId.equals(panelId))
        .forEach(r -> r.cancellation.cancel(Cancellation.Reason.USER));
  }

  /**
   * Cancels every run and lets sources drop per-workspace resources (their database pools): called
   * when the window opens another workspace.
   */
  public void reset() {
    cancelAll();
    sources.forEach(Source::reset);
  }

  /** Cancels every run in flight or queued. */
  public void cancelAll() {
    active.values().forEach(r -> r.cancellation.cancel(Cancellation.Reason.USER));
  }

  /**
   * Runs one panel {@code count} times, at most {@code concurrency} at once, and sums the runs up
   * (the built-in load probe). Blocks the calling thread until done or interrupted.
   */
  public RepeatResult repeat(Workspace workspace, PanelSpec panel, int count, int concurrency)
      throws InterruptedException {
    var variables = new Variables(workspace.activeVariables(), processEnvironment);
    return new RepeatRunner(this, workspace, panel, new PanelResolver(variables))
        .run(count, concurrency);
  }

  private ActiveRun start(
      Workspace workspace, PanelResolver resolver, PanelSpec panel, Consumer<RunEvent> listener) {
    long id = runIds.incrementAndGet();
    var run = new ActiveRun(id, panel.id(), new Cancellation());
    Consumer<RunEvent> safe = safeListener(listener);
    if (active.size() >= MAX_ACTIVE_RUNS) {
      // Bounded: past this many queued runs a new one fails at once instead of piling up.
      RunResult refused =
          RunResult.failed(
              panel.id(),
              id,
              Instant.now(),
              Duration.ZERO,
              RunError.of(
                  ErrorKind.INVALID_INPUT,
                  "too many runs queued (" + MAX_ACTIVE_RUNS + "); wait for some to finish"),
              0);
      safe.accept(new RunEvent.Finished(id, panel.id(), refused));
      run.future.complete(refused);
      return run;
    }
    active.put(id, run);
    safe.accept(new RunEvent.Queued(id, panel.id(), Instant.now(), null));
    Thread t =
        threads.newThread(
            () -> {
              RunResult result = null;
              try {
                result =
                    ResultAssembly.redacted(
                        execute(
                            new RunRequest(
                                id,
                                workspace,
                                resolver,
                                panel,
                                run.cancellation,
                                safe,
                                RunRequest.SINGLE)),
                        resolver);
              } finally {
                active.remove(id);
                if (result == null) {
                  result =
                      RunResult.failed(
                          panel.id(),
                          id,
                          Instant.now(),
                          Duration.ZERO,
                          RunError.of(ErrorKind.INTERNAL, "the run stopped unexpectedly"),
                          1);
                }
                safe.accept(new RunEvent.Finished(id, panel.id(), result));
                run.future.complete(result);
              }
            });
    t.start();
    return run;
  }

  /** A panel resolved and checked, with the source that runs it, or the reason it cannot run. */
  record Prepared(PanelSpec panel, Source source, RunError error) {}

  /** Resolves variables, checks the panel and picks its source; done once per run or repeat. */
  Prepared prepare(PanelSpec spec, Workspace workspace, PanelResolver resolver) {
    PanelSpec panel;
    try {
      panel = resolver.resolve(spec);
    } catch (UnknownVariableException e) {
      return new Prepared(null, null, RunError.of(ErrorKind.INVALID_INPUT, e.getMessage()));
    }
    Source source =
        sources.stream().filter(s -> s.handles(panel.source())).findFirst().orElse(null);
    RunError invalid = checkRunnable(spec, panel, source, workspace);
    if (invalid != null) {
      return new Prepared(null, null, invalid);
    }
    if (source == null) {
      return new Prepared(
          null, null, RunError.of(ErrorKind.INVALID_INPUT, "no source can run this kind of panel"));
    }
    return new Prepared(panel, source, null);
  }

  /** One run from waiting for its slot to its result; never throws. */
  // The deadline is a scope guard: closing it unregisters; the body needs no reference to it.
  @SuppressWarnings("try")
  RunResult execute(RunRequest request) {
    long id = request.id();
    Workspace workspace = request.workspace();
    PanelResolver resolver = request.resolver();
    PanelSpec spec = request.spec();
    Cancellation cancellation = request.cancellation();
    boolean repeat = request.mode() instanceof RunRequest.Repeat;
    Prepared prepared = request.mode() instanceof RunRequest.Repeat r ? r.prepared() : null;
    RowSink sink = request.mode() instanceof RunRequest.Export e ? e.sink() : null;
    cancellation.attach(Thread.currentThread());
    Instant queuedAt = Instant.now();
    Semaphore keyLimit = null;
    boolean globalHeld = false;
    var context =
        new RunContext(
            id, spec.id(), workspace, resolver, cancellation, request.events(), repeat, sink);
    int attempts = 0;
    Duration timeout = null;
    try {
      Prepared ready = prepared != null ? prepared : prepare(spec, workspace, resolver);
      if (ready.error() != null) {
        return RunResult.failed(spec.id(), id, queuedAt, Duration.ZERO, ready.error(), 0);
      }
      PanelSpec panel = ready.panel();
      Source source = ready.source();
      if (!repeat) {
        global.acquire();
        globalHeld = true;
      }
      // A repeat runs a fixed number of workers instead of taking slots; it needs no key (which
      // costs an URL parse per run).
      String key = repeat ? null : source.limitKey(panel);
      if (key != null) {
        keyLimit = keyed.computeIfAbsent(key, k -> new Semaphore(config.perHost(), true));
        keyLimit.acquire();
      }
      timeout = source.timeout(panel);
      try (var deadline = deadlines.register(cancellation, timeout.toMillis(), id)) {
        int allowedAttempts = 1 + Math.max(0, source.retries(panel));
        while (true) {
          attempts++;
          try {
            SourceOutput out = source.run(panel, context);
            context.markStarted();
            return ResultAssembly.success(id, panel, context, out, attempts);
          } catch (RunFailure f) {
            if (cancellation.isCancelled()) {
              return ResultAssembly.stopped(
                  id, spec, context, queuedAt, cancellation, timeout, attempts);
            }
            if (!f.retryable() || attempts >= allowedAttempts) {
              return RunResult.failed(
                  spec.id(),
                  id,
                  ResultAssembly.startOf(context, queuedAt),
                  ResultAssembly.elapsed(context),
                  f.error(),
                  attempts);
            }
            Thread.sleep(backoff(attempts));
          }
        }
      }
    } catch (InterruptedException e) {
      return ResultAssembly.stopped(id, spec, context, queuedAt, cancellation, timeout, attempts);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (cancellation.isCancelled()) {
        return ResultAssembly.stopped(id, spec, context, queuedAt, cancellation, timeout, attempts);
      }
      return RunResult.failed(
          spec.id(),
          id,
          ResultAssembly.startOf(context, queuedAt),
          ResultAssembly.elapsed(context),
          new RunError(
              ErrorKind.INTERNAL,
              "unexpected error: " + ResultAssembly.describe(e),
              ResultAssembly.stackTrace(e)),
          attempts);
    } finally {
      if (keyLimit != null) {
        keyLimit.release();
      }
      if (globalHeld) {
        global.release();
      }
      cancellation.detach();
      Thread.interrupted();
    }
  }

  /**
   * Why a panel cannot run, or null. The written spec is validated (so literal secrets and other
   * mistakes are caught), and its source checks the resolved panel once variables are in.
   */
  private RunError checkRunnable(
      PanelSpec spec, PanelSpec resolved, Source source, Workspace workspace) {
    RunError resolvedProblem = source == null ? null : source.checkResolved(resolved);
    if (resolvedProblem != null) {
      return resolvedProblem;
    }
    var problems = validator.validatePanel(spec, workspace);
    if (!problems.isEmpty()) {
      return RunError.of(ErrorKind.INVALID_INPUT, problems.getFirst().describe());
    }
    return null;
  }

  private static long backoff(int attempt) {
    return Math.min(5_000, 200L << Math.min(attempt - 1, 5));
  }

  private static Consumer<RunEvent> safeListener(Consumer<RunEvent> listener) {
    return event -> {
      try {
        listener.accept(event);
      } catch (RuntimeException ignored) {
        // A listener's bug must not kill the run; the result still completes the future.
      }
    };
  }

  long nextRunId() {
    return runIds.incrementAndGet();
  }

  ThreadFactory threads() {
    return threads;
  }

  @Override
  public void close() {
    for (ActiveRun r : active.values()) {
      r.cancellation.cancel(Cancellation.Reason.SHUTDOWN);
    }
    deadlines.close();
    for (Source s : sources) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // Closing is best effort at shutdown.
      }
    }
  }

  /** A run that is queued or in flight. */
  static final class ActiveRun {
    final long id;
    final String panelId;
    final Cancellation cancellation;
    volatile CompletableFuture<RunResult> future = new CompletableFuture<>();

    ActiveRun(long id, String panelId, Cancellation cancellation) {
      this.id = id;
      this.panelId = panelId;
      this.cancellation = cancellation;
    }

    /** Drops the reference to the result once its taker has it (see RunBatch.take). */
    void forget() {
      future = CompletableFuture.completedFuture(null);
    }
  }
}
