package dev.fetchboard.serve;

import dev.fetchboard.Fetchboard;
import dev.fetchboard.build.BuildInfo;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code fetchboard serve} running: the workspace's panels refreshed headless, their results on
 * {@code /metrics}, {@code /healthz} and {@code /api/panels}, the file re-read when it changes.
 * {@link #close()} stops it gracefully: no new runs, runs in flight cancelled and awaited, then the
 * listener and the engine closed.
 */
public final class Serve implements AutoCloseable {
  /** How long a stop waits for cancelled runs to end. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final SampleApiStarter sampleApi;
  private final EmbeddedOnDemand embedded;
  private final Engine engine;
  private final ServedWorkspace served;
  private final ServeEndpoints endpoints;
  private final WorkspaceReload reload;
  private final ResultHook hook;
  private final String url;
  private final int panelCount;
  private boolean closed;

  private Serve(
      SampleApiStarter sampleApi,
      EmbeddedOnDemand embedded,
      Engine engine,
      ServedWorkspace served,
      ServeEndpoints endpoints,
      WorkspaceReload reload,
      ResultHook hook,
      String url,
      int panelCount) {
    this.sampleApi = sampleApi;
    this.embedded = embedded;
    this.engine = engine;
    this.served = served;
    this.endpoints = endpoints;
    this.reload = reload;
    this.hook = hook;
    this.url = url;
    this.panelCount = panelCount;
  }

  /**
   * Reads the workspace, starts its panels and listens.
   *
   * @param lines how {@code /api/panels} writes each result (the command line's JSON printer)
   * @param hook told of every finished run (alerts)
   * @param log one line per thing worth telling (reloads, problems)
   * @throws WorkspaceException when the file cannot be used at start (nothing is left running)
   * @throws IOException when the address cannot be listened on (nothing is left running)
   */
  public static Serve start(
      ServeSettings settings, ResultLines lines, ResultHook hook, Consumer<String> log)
      throws WorkspaceException, IOException {
    var sampleApi = new SampleApiStarter(log);
    var embedded = new EmbeddedOnDemand(settings.dataDir(), log);
    Engine engine = null;
    ServedWorkspace served = null;
    ServeEndpoints endpoints = null;
    try {
      var loader =
          new WorkspaceLoader(
              settings.file(), settings.environment(), settings.defaultRefresh(), sampleApi);
      byte[] known = WorkspaceReload.contentOf(settings.file());
      Workspace ws = loader.load();
      int inFlight = settings.maxInFlight();
      engine =
          Fetchboard.newEngine(
              new EngineConfig(inFlight, Math.max(EngineConfig.DEFAULT.perHost(), inFlight)),
              embedded);
      var metrics = new PanelMetrics(BuildInfo.version(), true);
      served = new ServedWorkspace(engine, metrics, hook, log);
      ServedWorkspace s = served;
      endpoints =
          ServeEndpoints.start(
              settings.listen(),
              settings.access(),
              metrics.registry(),
              s::running,
              new ServeEndpoints.PanelsFeed(s::latest, lines));
      served.start(ws);
      var reload = new WorkspaceReload(loader, served, log, settings.watchEvery(), known);
      return new Serve(
          sampleApi,
          embedded,
          engine,
          served,
          endpoints,
          reload,
          hook,
          settings.listen().url(endpoints.port()),
          ws.panels().size());
    } catch (WorkspaceException | IOException | RuntimeException e) {
      if (endpoints != null) {
        endpoints.close();
      }
      if (served != null) {
        served.close();
      }
      if (engine != null) {
        engine.close();
      }
      embedded.close();
      sampleApi.close();
      throw e;
    }
  }

  /** The base URL listened on, e.g. {@code http://127.0.0.1:9464}. */
  public String url() {
    return url;
  }

  /** Panels in the workspace at start. */
  public int panelCount() {
    return panelCount;
  }

  public ServedWorkspace served() {
    return served;
  }

  /**
   * Stops gracefully: no new runs; runs in flight cancelled and awaited (up to {@link
   * #STOP_GRACE}); then the listener, the hook (alerts still queued are sent, briefly), the engine,
   * the sample API and the embedded database.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    reload.close();
    try {
      served.stop(STOP_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    endpoints.close();
    served.close();
    hook.close();
    engine.close();
    sampleApi.close();
    embedded.close();
  }
}
