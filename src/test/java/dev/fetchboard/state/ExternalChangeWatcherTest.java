package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalChangeWatcherTest {
  @TempDir Path dir;
  private final List<Path> changes = new CopyOnWriteArrayList<>();
  // A long interval: the test drives poll() itself.
  private final ExternalChangeWatcher watcher =
      new ExternalChangeWatcher(Duration.ofHours(1), changes::add);

  @AfterEach
  void close() {
    watcher.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anotherProgramsWriteIsReportedOnce() throws Exception {
    Path file = Files.write(dir.resolve("w.yaml"), bytes("mine"));
    watcher.watch(file, Fingerprint.of(bytes("mine")));
    watcher.poll();
    assertThat(changes).isEmpty();
    Files.write(file, bytes("theirs"));
    watcher.poll();
    watcher.poll();
    assertThat(changes).containsExactly(file);
  }

  @Test
  void ourOwnSaveIsNotAChange() throws Exception {
    Path file = Files.write(dir.resolve("w.yaml"), bytes("v1"));
    watcher.watch(file, Fingerprint.of(bytes("v1")));
    watcher.poll();
    // The watcher may look while the save is in flight: expected content is ours already.
    watcher.expect(Fingerprint.of(bytes("v2")));
    new WorkspaceStore().write(bytes("v2"), file);
    watcher.poll();
    watcher.saved(Fingerprint.of(bytes("v2")));
    watcher.poll();
    assertThat(changes).isEmpty();
  }

  @Test
  void aChangeMadeBeforeTheFirstLookIsStillSeen() throws Exception {
    Path file = Files.write(dir.resolve("w.yaml"), bytes("read"));
    watcher.watch(file, Fingerprint.of(bytes("read")));
    Files.write(file, bytes("changed just after reading"));
    watcher.poll();
    assertThat(changes).containsExactly(file);
  }

  @Test
  void keepingMineSilencesThatContentButNotTheNextChange() throws Exception {
    Path file = Files.write(dir.resolve("w.yaml"), bytes("a"));
    watcher.watch(file, Fingerprint.of(bytes("a")));
    Files.write(file, bytes("b"));
    watcher.poll();
    watcher.keepMine(watcher.reported());
    watcher.poll();
    assertThat(changes).hasSize(1);
    Files.write(file, bytes("c, a bit longer"));
    watcher.poll();
    assertThat(changes).hasSize(2);
  }
}
