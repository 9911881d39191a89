package dev.fetchboard.alerts;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.Variables;
import dev.fetchboard.workspace.Workspace;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's alerts, ready to send: feed it every finished run ({@link #onResult}); when a
 * panel's outcome changes it queues a message for each matching target and returns at once. The
 * entry point for the window, {@code watch}, {@code run --alerts} and {@code serve}:
 *
 * <pre>{@code
 * try (Alerts alerts = Alerts.forWorkspace(workspace)) {
 *   ... alerts.onResult(result) for each finished run ...
 * } // close() sends what is still queued (a few seconds at most)
 * }</pre>
 */
public final class Alerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  /** How long {@link #close()} waits for queued messages to go out. */
  public static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  /** Knobs tests turn; the defaults are what users get. */
  record Tuning(
      int queueBound,
      int maxAttempts,
      Duration requestTimeout,
      Pauses pauses,
      InstantSource clock) {
    static final Tuning DEFAULT =
        new Tuning(1000, 5, Duration.ofSeconds(10), Pauses.real(), InstantSource.system());
  }

  private final Workspace workspace;
  private final OutcomeTracker tracker = new OutcomeTracker();
  private final List<TargetQueue> queues = new ArrayList<>();
  private final List<AlertRoute> routes = new ArrayList<>();
  private final java.util.SortedMap<Integer, TargetAnswer> problems = new java.util.TreeMap<>();
  private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Redactor redactor;
  private final Delivery delivery;
  private final HttpClient client;
  private final InstantSource clock;

  private Alerts(Workspace workspace, Function<String, String> environment, Tuning tuning) {
    this.workspace = workspace;
    this.clock = tuning.clock();
    var variables = new Variables(workspace.activeVariables(), environment);
    this.redactor = new Redactor(variables);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Thread::startVirtualThread)
            .build();
    this.delivery =
        new Delivery(
            client, tuning.pauses(), redactor, tuning.maxAttempts(), tuning.requestTimeout());
    var targets = new AlertTargets(variables, redactor);
    for (int i = 0; i < workspace.alerts().size(); i++) {
      switch (targets.make(i, workspace.alerts().get(i))) {
        case AlertTargets.Made.Ready r -> {
          routes.add(r.route());
          queues.add(new TargetQueue(r.route(), delivery, clock, tuning.queueBound()));
        }
        case AlertTargets.Made.Problem p -> {
          problems.put(p.index(), new TargetAnswer(p.target(), false, p.message()));
          LOG.warn("alert {} is off: {}", p.target(), p.message());
        }
      }
    }
  }

  /** The workspace's alerts, secrets taken from this process's environment. */
  public static Alerts forWorkspace(Workspace workspace) {
    return forWorkspace(workspace, System::getenv);
  }

  /**
   * @param environment where {@code ${env:NAME}} values come from (tests pass a map's get)
   */
  public static Alerts forWorkspace(Workspace workspace, Function<String, String> environment) {
    return new Alerts(workspace, environment, Tuning.DEFAULT);
  }

  static Alerts forWorkspace(
      Workspace workspace, Function<String, String> environment, Tuning tuning) {
    return new Alerts(workspace, environment, tuning);
  }

  /** True when the workspace declares no alerts at all. */
  public boolean isEmpty() {
    return workspace.alerts().isEmpty();
  }

  /** Entries that cannot send (an unset variable), each with why; secrets left out. */
  public List<TargetAnswer> problems() {
    return List.copyOf(problems.values());
  }

  /**
   * Calls {@code listener} with every change of a panel's outcome that some alert sends (on the
   * thread that called {@link #onResult}; it must not block): the window shows them.
   */
  public void addListener(Consumer<AlertEvent> listener) {
    listeners.add(listener);
  }

  /**
   * Takes one finished run. When its panel's outcome changed, queues a message for every alert that
   * wants this change; never blocks and never throws for a target's sake.
   */
  public void onResult(RunResult result) {
    Observation o = ResultReading.observe(result);
    AlertEvent e =
        tracker.observe(o, ResultReading.title(workspace, o.panelId()), workspace.name());
    if (e == null) {
      return;
    }
    boolean wanted = false;
    for (TargetQueue q : queues) {
      if (q.route().matches(e)) {
        wanted = true;
        q.offer(e);
      }
    }
    if (wanted) {
      for (Consumer<AlertEvent> l : listeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          LOG.warn("an alert listener failed: {}", redactor.redact(String.valueOf(ex)), ex);
        }
      }
    }
  }

  /**
   * Sends one test message to every target now, one after the other, and says how each answered
   * (entries that cannot send are answered with why). Blocks; call it off the FX thread.
   */
  public List<TargetAnswer> sendTest() throws InterruptedException {
    var message = new AlertMessage.Test(workspace.name(), clock.instant());
    var byIndex = new java.util.TreeMap<Integer, TargetAnswer>(problems);
    for (AlertRoute r : routes) {
      Delivery.Outcome out = delivery.deliver(r.sender(), message);
      byIndex.put(
          r.index(), new TargetAnswer(r.sender().describe(), out.delivered(), out.answer()));
    }
    return List.copyOf(byIndex.values());
  }

  /** Events dropped because a target's queue was full, over all targets. */
  public long dropped() {
    return queues.stream().mapToLong(TargetQueue::dropped).sum();
  }

  /** Messages delivered so far, over all targets. */
  public long sent() {
    return queues.stream().mapToLong(TargetQueue::sent).sum();
  }

  /** Takes secrets out of a line about alerts (for callers that print a target's answer). */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** Sends what is queued or held (waiting {@link #CLOSE_GRACE} at most), then stops. */
  @Override
  public void close() {
    close(CLOSE_GRACE);
  }

  public void close(Duration grace) {
    Instant until = Instant.now().plus(grace);
    for (TargetQueue q : queues) {
      Duration left = Duration.between(Instant.now(), until);
      q.close(left.isNegative() ? Duration.ZERO : left);
    }
    client.close();
  }
}
