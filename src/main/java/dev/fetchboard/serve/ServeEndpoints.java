package dev.fetchboard.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.fetchboard.engine.Workers;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serve's HTTP routes: {@code /metrics} (Prometheus text format or OpenMetrics, by the request's
 * Accept header, written by the Prometheus client), {@code /healthz} and {@code /api/panels} (the
 * latest result of each panel as JSON lines). An access rule, when set, guards every route; at most
 * {@link #MAX_CONCURRENT} requests are answered at once, the rest get 503.
 */
public final class ServeEndpoints implements AutoCloseable {
  /** Requests answered at once; Prometheus scrapes one at a time, so this is plenty. */
  static final int MAX_CONCURRENT = 16;

  private final HttpServer server;
  private final ExecutorService executor;

  /** The latest results, in workspace order, and how to write each as a JSON line. */
  public record PanelsFeed(Supplier<List<ServedWorkspace.Latest>> latest, ResultLines lines) {}

  private ServeEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts listening.
   *
   * @param access who may read, or null for anyone
   * @param running true while the panels are being refreshed ({@code /healthz} says 200)
   * @throws IOException when the address cannot be bound (in use, not this machine's)
   */
  public static ServeEndpoints start(
      ListenAddress at,
      AccessRule access,
      PrometheusRegistry registry,
      BooleanSupplier running,
      PanelsFeed panels)
      throws IOException {
    HttpServer server = HttpServer.create(at.socketAddress(), 64);
    ExecutorService executor = Executors.newThreadPerTaskExecutor(Workers.virtual("serve-http"));
    server.setExecutor(executor);
    var limit = new ConcurrencyLimit(new Semaphore(MAX_CONCURRENT));
    route(server, "/metrics", new MetricsHandler(registry), access, limit);
    route(server, "/healthz", ex -> health(ex, running), access, limit);
    route(server, "/api/panels", ex -> panels(ex, panels), access, limit);
    route(server, "/", ServeEndpoints::notFound, access, limit);
    server.start();
    return new ServeEndpoints(server, executor);
  }

  /** The port listened on (the one picked when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void route(
      HttpServer server, String path, HttpHandler handler, AccessRule access, Filter limit) {
    HttpContext context = server.createContext(path, exactly(path, handler));
    if (access != null) {
      context.setAuthenticator(access);
    }
    context.getFilters().add(limit);
  }

  /** Contexts match by prefix; {@code /metricsfoo} is not {@code /metrics}. */
  private static HttpHandler exactly(String path, HttpHandler handler) {
    return ex -> {
      try (ex) {
        String asked = ex.getRequestURI().getPath();
        if (!path.equals("/") && !asked.equals(path) && !asked.equals(path + "/")) {
          notFound(ex);
          return;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          ex.getResponseHeaders().set("Allow", "GET, HEAD");
          text(ex, 405, "only GET and HEAD\n");
          return;
        }
        handler.handle(ex);
      }
    };
  }

  private static void health(HttpExchange ex, BooleanSupplier running) throws IOException {
    if (running.getAsBoolean()) {
      text(ex, 200, "ok\n");
    } else {
      text(ex, 503, "stopping\n");
    }
  }

  private static void panels(HttpExchange ex, PanelsFeed feed) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(200, -1);
      return;
    }
    // Chunked: results with many rows are written as they go, never all held as one text.
    ex.sendResponseHeaders(200, 0);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
      for (ServedWorkspace.Latest l : feed.latest().get()) {
        feed.lines().write(out, l.panel(), l.result());
      }
    }
  }

  private static void notFound(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getPath().equals("/")) {
      text(ex, 200, "Fetchboard serve: /metrics, /healthz, /api/panels\n");
    } else {
      text(ex, 404, "not found; try /metrics, /healthz or /api/panels\n");
    }
  }

  private static void text(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Answers 503 past {@link #MAX_CONCURRENT} requests at once instead of queueing them. */
  private static final class ConcurrencyLimit extends Filter {
    private final Semaphore permits;

    ConcurrencyLimit(Semaphore permits) {
      this.permits = permits;
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
      if (!permits.tryAcquire()) {
        ex.getResponseHeaders().set("Retry-After", "1");
        text(ex, 503, "busy: too many requests at once\n");
        ex.close();
        return;
      }
      try {
        chain.doFilter(ex);
      } finally {
        permits.release();
      }
    }

    @Override
    public String description() {
      return "at most " + MAX_CONCURRENT + " requests at once";
    }
  }
}
