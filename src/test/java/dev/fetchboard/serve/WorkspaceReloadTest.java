package dev.fetchboard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serve re-reads its workspace when the file changes; a broken edit keeps the last good one. */
class WorkspaceReloadTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static String panel(String id, String url) {
    return "  - id: " + id + "\n    http: { url: \"" + url + "\" }\n    refresh: 1s\n";
  }

  @Test
  void anEditIsServedABrokenOneIsToldWithLineAndColumnAndTheLastGoodOneKeepsRunning()
      throws Exception {
    try (var api = new TestHttpServer().respond("/a", 200, "text/plain", "a")) {
      Path ws = dir.resolve("team.yaml");
      String head = "fetchboard: 1\nname: T\npanels:\n";
      Files.writeString(ws, head + panel("first", api.url("/a")));
      var settings =
          new ServeSettings(
              ws,
              null,
              ListenAddress.parse("127.0.0.1:0"),
              Duration.ofSeconds(60),
              null,
              8,
              dir.resolve("pg"),
              Duration.ofMillis(200));
      try (Serve serve =
          Serve.start(settings, (w, p, r) -> w.write(p.id() + "\n"), ResultHook.NONE, log::add)) {
        String metrics = serve.url() + "/metrics";
        await(metrics, m -> m.contains("fetchboard_panel_up{kind=\"http\",panel=\"first\""));

        Files.writeString(ws, head + "  - id: second\n    http: { url: [\n");
        awaitLog(l -> l.matches(".*team\\.yaml:\\d+:\\d+: .*"));
        awaitLog(l -> l.contains("still serving the last good version"));
        assertThat(get(serve.url() + "/healthz")).isEqualTo("ok\n");
        assertThat(serve.served().workspace().panels())
            .extracting(p -> p.id())
            .containsExactly("first");

        Files.writeString(
            ws, head + panel("first", api.url("/a")) + panel("second", api.url("/a")));
        await(metrics, m -> m.contains("fetchboard_panel_up{kind=\"http\",panel=\"second\""));
        awaitLog(l -> l.startsWith("reloaded ") && l.endsWith("(2 panels)"));

        Files.writeString(ws, head + panel("second", api.url("/a")));
        String after = await(metrics, m -> !m.contains("panel=\"first\""));
        assertThat(after).contains("panel=\"second\"");
        await(serve.url() + "/api/panels", p -> p.equals("second\n"));
      }
    }
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String await(String url, Predicate<String> wanted) throws Exception {
    long end = System.nanoTime() + PATIENCE.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = get(url);
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not as expected in time: " + url + "\n" + last + "\nlog: " + log);
  }

  private void awaitLog(Predicate<String> wanted) throws InterruptedException {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < end) {
      if (log.stream().anyMatch(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such log line; the log: " + log);
  }
}
