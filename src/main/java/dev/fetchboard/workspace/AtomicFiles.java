package dev.fetchboard.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content atomically: a temp file beside it, fsync, rename over it, fsync the
 * folder. On any failure the old file is left exactly as it was and the temp file is removed.
 */
public final class AtomicFiles {
  /**
   * Puts the bytes into the temp file and forces them to the disk. Tests pass one that fails part
   * way, as a full disk would, to prove the old file survives.
   */
  @FunctionalInterface
  public interface ContentWriter {
    void write(FileChannel channel, ByteBuffer content) throws IOException;
  }

  /** Writes every byte, then fsyncs the file. */
  public static final ContentWriter FSYNC =
      (ch, buf) -> {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      };

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file}, keeping the old file until the new one is complete. */
  public static void write(Path file, byte[] content) throws IOException {
    write(file, content, false, FSYNC);
  }

  /** As {@link #write(Path, byte[])}, readable by the owner only (for recovery and secrets). */
  public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    write(file, content, true, FSYNC);
  }

  /** As {@link #write(Path, byte[])}, the bytes going through {@code writer}. */
  public static void write(Path file, byte[] content, boolean ownerOnly, ContentWriter writer)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (posix) {
        // createTempFile makes the file owner-only; widen it to what the old file had.
        var perms =
            ownerOnly || !Files.exists(target)
                ? PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--")
                : Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(temp, perms);
      }
      try (var ch =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writer.write(ch, ByteBuffer.wrap(content));
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try (var dirChannel = FileChannel.open(dir, StandardOpenOption.READ)) {
      dirChannel.force(true);
    } catch (IOException ignored) {
      // Some file systems cannot fsync a folder; the rename itself has happened.
    }
  }
}
