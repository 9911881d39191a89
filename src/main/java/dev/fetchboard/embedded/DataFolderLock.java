package dev.fetchboard.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Says which Fetchboard owns the embedded database's folder: the one holding an OS lock on {@code
 * pg.lock} beside it (not in it: initdb wants an empty folder). The OS drops the lock when its
 * process ends, even by a crash, so a server left behind by a dead owner can be told from one a
 * running Fetchboard is still using.
 */
final class DataFolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another running Fetchboard (or this one) holds it. */
  static DataFolderLock tryAcquire(Path dataDir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            dataDir.resolveSibling(dataDir.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    try {
      FileLock lock = ch.tryLock();
      if (lock != null) {
        return new DataFolderLock(ch, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by another EmbeddedDatabase in this very process
    }
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
    }
  }
}
