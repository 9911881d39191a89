package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
  @TempDir Path dir;

  @Test
  void editsAreKeptOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
    var store = new RecoveryStore(dir.resolve("recovery"));
    store.write("/w/shop.yaml", "Shop", "fetchboard: 1\nname: Shop\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    store.clear();
    assertThat(Files.exists(store.file())).isFalse();
  }

  @Test
  void editsOfASessionThatIsGoneAreOfferedToTheNextOne() throws Exception {
    var crashed = new RecoveryStore(dir);
    crashed.write(null, "Untitled", "fetchboard: 1\nname: Untitled\n");
    assertThat(crashed.orphans()).as("a session never offers its own edits").isEmpty();
    var next = new RecoveryStore(dir);
    var found = next.orphans();
    assertThat(found).hasSize(1);
    assertThat(found.getFirst().recovery().yaml()).contains("name: Untitled");
    assertThat(found.getFirst().recovery().file()).isNull();
    next.remove(found.getFirst());
    assertThat(next.orphans()).isEmpty();
  }

  @Test
  void editsOfAnotherRunningInstanceAreLeftAlone() throws Exception {
    var other = ProcessHandle.current().parent().orElseThrow();
    var r =
        new Recovery(
            null,
            "Theirs",
            java.time.Instant.now().toString(),
            other.pid(),
            other.info().startInstant().map(Object::toString).orElse(null),
            "someone-else",
            "fetchboard: 1\n");
    Files.write(dir.resolve("recovery-someone-else.json"), new ObjectMapper().writeValueAsBytes(r));
    assertThat(new RecoveryStore(dir).orphans()).isEmpty();
    // The same pid with another start time is a reused pid: that instance is gone.
    var reused =
        new Recovery(
            null, "Theirs", null, other.pid(), "2001-01-01T00:00:00Z", "someone-else", "x: 1\n");
    Files.write(
        dir.resolve("recovery-someone-else.json"), new ObjectMapper().writeValueAsBytes(reused));
    assertThat(new RecoveryStore(dir).orphans()).hasSize(1);
  }

  @Test
  void unreadableFilesAreSkippedAndKept() throws Exception {
    Path junk = dir.resolve("recovery-junk.json");
    Files.writeString(junk, "{not json");
    assertThat(new RecoveryStore(dir).orphans()).isEmpty();
    assertThat(Files.exists(junk)).isTrue();
  }
}
