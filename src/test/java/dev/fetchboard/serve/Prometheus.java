package dev.fetchboard.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus}, started by a test on a free port with its data in a temp folder,
 * scraping one target every second; stopped (by its own process) when closed.
 */
final class Prometheus implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private Prometheus(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * @param target {@code host:port} of the /metrics to scrape
   */
  static Prometheus scraping(String target, Path dir) throws IOException {
    int port = freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 900ms
        scrape_configs:
          - job_name: fetchboard
            static_configs:
              - targets: ["%s"]
        """
            .formatted(target));
    Path data = Files.createDirectories(dir.resolve("tsdb"));
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Prometheus(p, log, port);
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The series an instant query returns (its {@code data.result}), or an empty list. */
  List<JsonNode> query(String promql) throws IOException, InterruptedException {
    String url =
        "http://127.0.0.1:"
            + port
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return List.of(); // not listening yet
    }
    if (r.statusCode() != 200) {
      return List.of();
    }
    JsonNode result = new ObjectMapper().readTree(r.body()).path("data").path("result");
    return result.isArray() ? List.copyOf(result.valueStream().toList()) : List.of();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
