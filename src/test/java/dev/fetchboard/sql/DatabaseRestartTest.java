package dev.fetchboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RefreshScheduler;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back while panels refresh: the panels show the failure, the next
 * refreshes after the restart succeed again, and the pool heals without a restart of ours. Uses its
 * own server (not the shared test database) because it stops it.
 */
class DatabaseRestartTest {
  private EmbeddedPostgres server;
  private Engine engine;
  private RefreshScheduler scheduler;

  @AfterEach
  void tearDown() throws IOException {
    if (scheduler != null) {
      scheduler.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void panelsShowTheOutageAndRecoverOnTheNextRefreshAfterARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("fetchboard-restart-pg");
    int port = freePort();
    server = start(dataDir, port);

    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
    String url = "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    Workspace ws =
        Workspace.named("restart")
            .withConnections(Map.of("db", ConnectionSpec.ofUrl(url)))
            .withPanels(
                List.of(
                    refreshing("a", "select 1 as one"),
                    refreshing("b", "select count(*) from pg_class"),
                    refreshing("c", "select now() as at")));
    List<RunResult> results = new CopyOnWriteArrayList<>();
    scheduler =
        new RefreshScheduler(
            engine,
            e -> {
              if (e instanceof RunEvent.Finished f) {
                results.add(f.result());
              }
            });
    scheduler.start(ws);

    awaitResult(results, r -> r.ok() && r.panelId().equals("c"), 0);

    server.close();
    server = null;
    int downFrom = results.size();
    // Runs in flight when it stops are told the server is going away; runs after that, that
    // nothing answers on its port.
    RunResult failure = awaitResult(results, r -> !r.ok(), downFrom);
    assertThat(failure.problem())
        .as("a plain message, not a stack trace")
        .doesNotContain("Exception", "\tat ")
        .containsAnyOf("restarting or shutting down", "cannot connect");
    RunResult refused =
        awaitResult(results, r -> !r.ok() && r.problem().contains("cannot connect"), downFrom);
    assertThat(refused.problem())
        .isEqualTo("cannot connect to 127.0.0.1:" + port + ": connection refused");

    server = start(dataDir, port);
    int upFrom = results.size();
    for (String panel : List.of("a", "b", "c")) {
      awaitResult(results, r -> r.ok() && r.panelId().equals(panel), upFrom);
    }
    // Healed for good: once every panel has succeeded again, no further run fails.
    int healedAt = results.size();
    awaitCount(results, healedAt + 3);
    assertThat(results.subList(healedAt, results.size())).allMatch(RunResult::ok);
  }

  private static PanelSpec refreshing(String id, String sql) {
    return PanelSpec.sql(id, id, SqlQuerySpec.of("db", sql)).withRefresh(Duration.ofMillis(500));
  }

  private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .start();
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static RunResult awaitResult(
      List<RunResult> results, Predicate<RunResult> wanted, int from) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<RunResult> seen = List.copyOf(results);
      for (int i = from; i < seen.size(); i++) {
        if (wanted.test(seen.get(i))) {
          return seen.get(i);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such result within 30 s; last: " + tail(results));
  }

  private static void awaitCount(List<RunResult> results, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (results.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(results).hasSizeGreaterThanOrEqualTo(count);
  }

  private static List<String> tail(List<RunResult> results) {
    List<RunResult> seen = List.copyOf(results);
    return seen.subList(Math.max(0, seen.size() - 5), seen.size()).stream()
        .map(r -> r.panelId() + ":" + (r.ok() ? "ok" : r.problem()))
        .toList();
  }
}
