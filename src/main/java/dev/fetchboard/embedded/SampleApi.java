package dev.fetchboard.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fetchboard.engine.Workers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP API served on 127.0.0.1 for the sample workspace only, so a new user sees HTTP
 * panels work offline. Every response says it is sample data ({@code X-Fetchboard-Sample: true}).
 */
public final class SampleApi implements AutoCloseable {
  /** The port the sample workspace names; another free port is used when it is taken. */
  public static final int PREFERRED_PORT = 18480;

  private static final String[] CITIES = {"Oslo", "Lisbon", "Austin", "Kyoto", "Nairobi", "Lima"};
  private static final String[] NAMES = {"Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret"};
  private static final String[] STATUSES = {"open", "paid", "shipped", "cancelled"};

  private final HttpServer server;
  private final Instant startedAt = Instant.now();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong flakyCalls = new AtomicLong();

  private SampleApi(HttpServer server) {
    this.server = server;
    server.setExecutor(Executors.newThreadPerTaskExecutor(Workers.virtual("sample-api")));
    server.createContext("/api/health", ex -> respond(ex, 200, health()));
    server.createContext(
        "/api/orders", ex -> respond(ex, 200, orders(query(ex).getOrDefault("limit", "50"))));
    server.createContext("/api/metrics", ex -> respond(ex, 200, metrics()));
    server.createContext("/api/slow", ex -> slow(ex));
    server.createContext("/api/flaky", ex -> flaky(ex));
    server.createContext(
        "/api/items", ex -> respond(ex, 200, items(query(ex).getOrDefault("count", "1000"))));
    server.start();
  }

  /** Starts on the preferred port, or on a free one when that is taken. */
  public static SampleApi start() throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PREFERRED_PORT), 256);
    } catch (BindException e) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    }
    return new SampleApi(server);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:18480}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private String health() {
    long up = java.time.Duration.between(startedAt, Instant.now()).toSeconds();
    return "{\"status\":\"ok\",\"sample\":true,\"uptimeSeconds\":"
        + up
        + ",\"requests\":"
        + requests.get()
        + "}";
  }

  private static String orders(String limitText) {
    int limit = clamp(limitText, 1, 1000, 50);
    var rnd = ThreadLocalRandom.current();
    var sb = new StringBuilder("{\"sample\":true,\"count\":").append(limit).append(",\"items\":[");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < limit; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "{\"id\":%d,\"customer\":{\"name\":\"%s\",\"city\":\"%s\"},\"total\":%d.%02d,"
                  + "\"status\":\"%s\",\"created\":\"%s\",\"lines\":[%d,%d]}",
              10_000 + i,
              NAMES[i % NAMES.length],
              CITIES[(i * 7) % CITIES.length],
              rnd.nextInt(5, 500),
              rnd.nextInt(100),
              STATUSES[rnd.nextInt(STATUSES.length)],
              now.minusSeconds(i * 97L),
              rnd.nextInt(1, 9),
              rnd.nextInt(1, 9)));
    }
    return sb.append("]}").toString();
  }

  private String metrics() {
    var rnd = ThreadLocalRandom.current();
    return String.format(
        Locale.ROOT,
        "{\"sample\":true,\"requestsPerSecond\":%.1f,\"queueDepth\":%d,\"errorRate\":%.3f,"
            + "\"p99LatencyMs\":%d}",
        800 + rnd.nextGaussian() * 60,
        rnd.nextInt(0, 40),
        Math.abs(rnd.nextGaussian() * 0.01),
        rnd.nextInt(40, 180));
  }

  private static String items(String countText) {
    int count = clamp(countText, 1, 200_000, 1000);
    var sb = new StringBuilder(count * 48).append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(i).append(",\"sku\":\"SKU-").append(100_000 + i);
      sb.append("\",\"stock\":").append((i * 37) % 500).append('}');
    }
    return sb.append(']').toString();
  }

  private void slow(HttpExchange ex) throws IOException {
    int ms = clamp(query(ex).getOrDefault("ms", "800"), 0, 30_000, 800);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
      return;
    }
    respond(ex, 200, "{\"sample\":true,\"sleptMs\":" + ms + "}");
  }

  private void flaky(HttpExchange ex) throws IOException {
    // Fails every third call, so auto-refresh shows a panel going red and green again.
    boolean fail = flakyCalls.incrementAndGet() % 3 == 0;
    respond(
        ex,
        fail ? 503 : 200,
        fail ? "{\"error\":\"temporarily unavailable (sample)\"}" : "{\"ok\":true}");
  }

  private void respond(HttpExchange ex, int status, String json) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("X-Fetchboard-Sample", "true");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> out = new HashMap<>();
    URI uri = ex.getRequestURI();
    String q = uri.getRawQuery();
    if (q != null) {
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              pair.substring(0, eq),
              java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static int clamp(String text, int min, int max, int fallback) {
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(text.trim())));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
