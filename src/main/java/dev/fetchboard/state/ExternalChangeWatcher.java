package dev.fetchboard.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Notices when another program changes the open workspace file. A virtual thread looks at the
 * file's modification time and size every interval and hashes it only when they moved; content
 * whose fingerprint we read or wrote ourselves never counts as a change. Each foreign content is
 * reported once.
 *
 * <p>Polling rather than a WatchService: it sees a file replaced by rename (as editors and our own
 * saves do) the same way on every file system, including network mounts.
 */
public final class ExternalChangeWatcher implements AutoCloseable {
  private final Duration interval;
  private final Consumer<Path> onChange;
  private final Thread thread;
  private @Nullable Path file;
  private final Set<Fingerprint> ours = new HashSet<>();
  private @Nullable Fingerprint reported;
  private @Nullable Object lastStamp;

  /**
   * @param onChange called on the watcher's thread with the changed file
   */
  public ExternalChangeWatcher(Duration interval, Consumer<Path> onChange) {
    this.interval = interval;
    this.onChange = onChange;
    this.thread = Thread.ofVirtual().name("file-watch").start(this::loop);
  }

  /** Watches {@code file}, whose content we know as {@code known}; null stops watching. */
  public synchronized void watch(@Nullable Path file, @Nullable Fingerprint known) {
    this.file = file;
    ours.clear();
    if (known != null) {
      ours.add(known);
    }
    reported = null;
    lastStamp = null;
  }

  /** Our save is about to write this content: it is not a change by someone else. */
  public synchronized void expect(Fingerprint content) {
    ours.add(content);
  }

  /** Our save of {@code content} to the watched file completed. */
  public synchronized void saved(Fingerprint content) {
    ours.clear();
    ours.add(content);
    reported = null;
  }

  /** Our save of {@code content} failed; the file still holds what it held. */
  public synchronized void saveFailed(Fingerprint content) {
    ours.remove(content);
  }

  /** The user keeps their version: the file's current content is no longer news. */
  public synchronized void keepMine(@Nullable Fingerprint onDisk) {
    if (onDisk != null) {
      ours.add(onDisk);
    }
  }

  /** The content last reported as changed, or null. */
  public synchronized @Nullable Fingerprint reported() {
    return reported;
  }

  public synchronized @Nullable Path file() {
    return file;
  }

  @Override
  public void close() {
    thread.interrupt();
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(interval);
        poll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One look at the file; package-private so tests can look without waiting. */
  void poll() {
    Path target;
    synchronized (this) {
      target = file;
    }
    if (target == null) {
      return;
    }
    Object stamp;
    byte[] content;
    try {
      var attrs = Files.readAttributes(target, BasicFileAttributes.class);
      stamp = new Stamp(attrs.lastModifiedTime(), attrs.size(), attrs.fileKey());
      synchronized (this) {
        if (stamp.equals(lastStamp) || !target.equals(file)) {
          return;
        }
      }
      if (attrs.size() > dev.fetchboard.workspace.WorkspaceFile.MAX_FILE_BYTES) {
        content = new byte[0];
      } else {
        content = Files.readAllBytes(target);
      }
    } catch (NoSuchFileException e) {
      // Gone for now (an editor may be replacing it); the next look sees what is there.
      return;
    } catch (IOException e) {
      return;
    }
    Fingerprint seen = Fingerprint.of(content);
    synchronized (this) {
      if (!target.equals(file)) {
        return;
      }
      lastStamp = stamp;
      if (ours.contains(seen) || seen.equals(reported)) {
        return;
      }
      reported = seen;
    }
    onChange.accept(target);
  }

  private record Stamp(FileTime modified, long size, Object key) {}
}
