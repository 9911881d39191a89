package dev.fetchboard.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A save that did not happen, with a sentence a user can act on instead of an exception. */
public final class SaveFailure extends Exception {
  private final Path file;

  SaveFailure(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Why writing {@code file} failed, in plain words, and what became of the old file. */
  static SaveFailure of(Path file, IOException e, boolean hadOldFile) {
    Path dir = file.toAbsolutePath().getParent();
    String why = describe(e, dir);
    String after = hadOldFile ? "The file on disk is unchanged." : "Nothing was written.";
    return new SaveFailure(
        file, "Cannot save " + file.getFileName() + ": " + why + ". " + after, e);
  }

  private static String describe(IOException e, @Nullable Path dir) {
    String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (raw.contains("No space left") || raw.contains("Disk quota exceeded")) {
      return "the disk is full (" + reason(e, raw) + ")";
    }
    if (e instanceof AccessDeniedException || raw.contains("Permission denied")) {
      return "no permission to write in " + dir;
    }
    if (raw.contains("Read-only file system")) {
      return dir + " is on a read-only file system";
    }
    if (e instanceof NotDirectoryException || raw.contains("Not a directory")) {
      return dir + " is not a folder";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder " + dir + " does not exist";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return raw;
  }

  private static String reason(IOException e, String raw) {
    return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : raw;
  }
}
