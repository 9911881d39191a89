package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {
  @TempDir Path dir;

  /** Writes half the bytes, then fails as a full disk does (simulated: CI has no full disk). */
  static final dev.fetchboard.workspace.AtomicFiles.ContentWriter FULL_DISK =
      (ch, buf) -> {
        buf.limit(buf.limit() / 2);
        ch.write(buf);
        throw new java.nio.file.FileSystemException(null, null, "No space left on device");
      };

  @Test
  void aWriteFailingPartWayLeavesTheOldFileWholeAndNoTempFile() throws Exception {
    Path file = dir.resolve("shop.yaml");
    var good = new WorkspaceStore();
    good.write(good.bytes(Workspace.named("Old")), file);
    byte[] before = Files.readAllBytes(file);
    var failing = new WorkspaceStore(FULL_DISK);
    assertThatThrownBy(() -> failing.write(failing.bytes(Workspace.named("New")), file))
        .isInstanceOf(SaveFailure.class)
        .hasMessage(
            "Cannot save shop.yaml: the disk is full (No space left on device)."
                + " The file on disk is unchanged.");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("shop.yaml");
    }
  }

  @Test
  void aFolderThatIsAFileIsNamedPlainly() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
    var store = new WorkspaceStore();
    assertThatThrownBy(
            () -> store.write(store.bytes(Workspace.named("w")), notAFolder.resolve("w.yaml")))
        .isInstanceOf(SaveFailure.class)
        .hasMessage("Cannot save w.yaml: " + notAFolder + " is not a folder. Nothing was written.");
    assertThat(Files.readString(notAFolder)).isEqualTo("x");
  }

  @Test
  void readingGivesTheFingerprintOfTheBytesOnDisk() throws Exception {
    Path file = dir.resolve("w.yaml");
    var store = new WorkspaceStore();
    byte[] bytes = store.bytes(Workspace.named("W"));
    store.write(bytes, file);
    var opened = store.read(file);
    assertThat(opened.workspace().name()).isEqualTo("W");
    assertThat(opened.fingerprint()).isEqualTo(Fingerprint.of(bytes));
  }
}
