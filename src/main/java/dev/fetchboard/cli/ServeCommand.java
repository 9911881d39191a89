package dev.fetchboard.cli;

import dev.fetchboard.AppDirs;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.serve.AccessRule;
import dev.fetchboard.serve.AlertsHook;
import dev.fetchboard.serve.ListenAddress;
import dev.fetchboard.serve.ResultHook;
import dev.fetchboard.serve.ResultLines;
import dev.fetchboard.serve.Serve;
import dev.fetchboard.serve.ServeSettings;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.WorkspaceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fetchboard serve}: runs a workspace's panels headless on their intervals and exports what
 * they see to Prometheus, until stopped (Ctrl+C or SIGTERM: runs in flight are cancelled first).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Refreshes the panels of a workspace headless and serves /metrics (Prometheus),"
          + " /healthz and /api/panels (the latest results as JSON lines).",
      "Re-reads the file when it changes; a broken edit keeps the last good version running."
          + " Ctrl+C or SIGTERM stops."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  @Option(
      names = {"-l", "--listen"},
      paramLabel = "HOST:PORT",
      description =
          "where to listen (default 127.0.0.1:9464, this machine only; 0.0.0.0:9464 for every"
              + " network interface)")
  String listen = "127.0.0.1:9464";

  @Option(
      names = "--default-refresh",
      paramLabel = "DURATION",
      description = "interval for panels that have none (default 60s)")
  String defaultRefresh = "60s";

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      converter = Counts.AtLeastOne.class,
      description = "runs in flight at once (default 64)")
  Integer concurrency;

  @Option(
      names = "--basic-auth",
      paramLabel = "USER:${env:NAME}",
      description =
          "require HTTP basic auth on every route; the password from an environment variable")
  String basicAuth;

  @Option(
      names = "--bearer-token",
      paramLabel = "${env:NAME}",
      description = "require this bearer token on every route, from an environment variable")
  String bearerToken;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ListenAddress at;
    Duration refresh;
    AccessRule access;
    try {
      at = ListenAddress.parse(listen);
    } catch (IllegalArgumentException e) {
      return usage(err, "--listen: " + e.getMessage());
    }
    try {
      refresh = Durations.parse(defaultRefresh);
    } catch (IllegalArgumentException e) {
      return usage(err, "--default-refresh: " + e.getMessage());
    }
    if (refresh.toMillis() < 500) {
      return usage(err, "--default-refresh must be at least 500ms");
    }
    if (concurrency != null && concurrency > 10_000) {
      return usage(err, "--concurrency must be between 1 and 10000");
    }
    try {
      access = AccessRule.of(basicAuth, bearerToken, System::getenv);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    Consumer<String> log =
        line -> {
          LOG.info(line);
          synchronized (err) {
            err.println("fetchboard serve: " + line);
            err.flush();
          }
        };
    var settings =
        new ServeSettings(
            workspaceOptions.file,
            workspaceOptions.environment,
            at,
            refresh,
            access,
            concurrency == null ? EngineConfig.DEFAULT.maxInFlight() : concurrency,
            AppDirs.forUser().data().resolve("pg"),
            Duration.ofSeconds(1));
    // /api/panels prints exactly what `run --format json` prints.
    ResultLines printer = (w, panel, r) -> new JsonLinesPrinter(w).result(panel, r);
    // The one place serve hands each finished run on: the workspace's alerts.
    ResultHook hook = new AlertsHook(log);
    Serve serve;
    try {
      serve = Serve.start(settings, printer, hook, log);
    } catch (WorkspaceException e) {
      err.println(e.getMessage());
      return FetchboardCommand.USAGE;
    } catch (IOException e) {
      return usage(err, "cannot listen on " + listen + ": " + e.getMessage());
    }
    var stop = new CountDownLatch(1);
    var stopped = new CountDownLatch(1);
    // SIGTERM and Ctrl+C run shutdown hooks: this one lets the main thread stop gracefully, and
    // holds the JVM until it has (bounded, so a stuck stop cannot keep it alive).
    Thread onSignal =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(25, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "fetchboard-serve-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    out.println(
        "serving "
            + serve.panelCount()
            + (serve.panelCount() == 1 ? " panel" : " panels")
            + " of "
            + workspaceOptions.file
            + " on "
            + serve.url()
            + "/metrics, /healthz and /api/panels"
            + (at.everyInterface() ? " (every network interface)" : "")
            + "; Ctrl+C stops");
    if (at.everyInterface() && access == null) {
      log.accept(
          "listening on every network interface without --basic-auth or --bearer-token:"
              + " anyone who can reach this port reads the panels' results");
    }
    out.flush();
    try {
      stop.await();
      log.accept("stopping");
      serve.close();
      log.accept("stopped");
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException ignored) {
        // shutting down already: the hook is running
      }
    }
    return FetchboardCommand.OK;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("fetchboard serve: " + message);
    return FetchboardCommand.USAGE;
  }
}
