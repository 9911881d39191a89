package dev.fetchboard.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The recovery folder (owner-only, 0700) holding one file (0600) per running window session with
 * its unsaved edits. A file left by a session that is no longer running is an orphan: the app
 * crashed or was killed before the edits were saved or discarded, and the next start offers them.
 */
public final class RecoveryStore {
  private static final String PREFIX = "recovery-";
  private static final String SUFFIX = ".json";

  /** Recovery files larger than this are not read (a workspace is at most 8 MB). */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final Path dir;
  private final String session = UUID.randomUUID().toString();
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public RecoveryStore(Path dir) {
    this(dir, Clock.systemUTC());
  }

  RecoveryStore(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  public Path dir() {
    return dir;
  }

  /** This session's file. */
  public Path file() {
    return dir.resolve(PREFIX + session + SUFFIX);
  }

  /** Keeps the edits of this session, replacing the ones kept before. */
  public void write(@Nullable String workspaceFile, String name, String yaml) throws IOException {
    ensureDir();
    var self = ProcessHandle.current();
    var r =
        new Recovery(
            workspaceFile,
            name,
            clock.instant().toString(),
            self.pid(),
            self.info().startInstant().map(Instant::toString).orElse(null),
            session,
            yaml);
    AtomicFiles.writeOwnerOnly(file(), json.writeValueAsBytes(r));
  }

  /** Removes this session's file: the edits were saved or the user discarded them. */
  public void clear() throws IOException {
    Files.deleteIfExists(file());
  }

  /** Removes an orphan once it was restored or discarded. */
  public void remove(Found found) throws IOException {
    Files.deleteIfExists(found.path());
  }

  /** A recovery file and what it holds. */
  public record Found(Path path, Recovery recovery) {}

  /**
   * Edits left by sessions that are no longer running, newest first. Files of this session and of
   * other running instances are left alone; unreadable files are skipped (and kept).
   */
  public List<Found> orphans() {
    var out = new ArrayList<Found>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || p.equals(file())) {
          continue;
        }
        try {
          if (Files.size(p) > MAX_BYTES) {
            continue;
          }
          Recovery r = json.readValue(p.toFile(), Recovery.class);
          if (r != null && r.yaml() != null && !stillRunning(r)) {
            out.add(new Found(p, r));
          }
        } catch (IOException e) {
          // Not ours to judge or delete; a half-written file cannot exist (writes are atomic).
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(Comparator.comparing((Found f) -> f.recovery().savedInstant()).reversed());
    return out;
  }

  /** Another live process (not this one) wrote it: that instance still owns its edits. */
  private static boolean stillRunning(Recovery r) {
    if (r.pid() == ProcessHandle.current().pid()) {
      return false;
    }
    return ProcessHandle.of(r.pid())
        .filter(ProcessHandle::isAlive)
        .map(
            h ->
                r.processStart() == null
                    || h.info()
                        .startInstant()
                        .map(Recovery.parse(r.processStart())::equals)
                        .orElse(true))
        .orElse(false);
  }

  private void ensureDir() throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (posix) {
      // Also tightens a folder made by hand or by an older version.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
