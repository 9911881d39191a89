package dev.fetchboard.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Says which Fetchboard owns the embedded database's folder: the one holding an OS lock on {@code
 * pg.lock} beside it (not in it: initdb wants an empty folder). The OS drops the lock when its
 * process ends, even by a crash, so a server left behind by a dead owner can be told from one a
 * running Fetchboard is still using.
 */
final class DataFolderLock implements AutoCloseable {
  /**
   * Lock files this JVM holds. Checked before opening the file again: on Linux, closing any channel
   * to a file drops every lock this process holds on it, so a second attempt from this JVM must not
   * even open it.
   */
  private static final java.util.Set<Path> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another running Fetchboard (or this one) holds it. */
  static @Nullable DataFolderLock tryAcquire(Path dataDir) throws IOException {
    Path file = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".lock");
    if (!HELD.add(file)) {
      return null; // held by another EmbeddedDatabase in this very process
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      HELD.remove(file);
      throw e;
    }
    try {
      FileLock lock = ch.tryLock();
      if (lock != null) {
        return new DataFolderLock(file, ch, lock);
      }
    } catch (OverlappingFileLockException e) {
      // cannot happen while HELD is kept; treated as held
    } catch (IOException | RuntimeException e) {
      HELD.remove(file);
      ch.close();
      throw e;
    }
    HELD.remove(file);
    ch.close();
    return null;
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel or the process
    } finally {
      HELD.remove(file);
    }
  }
}
