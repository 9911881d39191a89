package dev.fetchboard.state;

import dev.fetchboard.workspace.AtomicFiles;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens and saves workspace files for the window, returning the fingerprint of the exact bytes read
 * or written so later changes by other programs can be told from our own. Saves are atomic ({@link
 * AtomicFiles}); failures come back as a {@link SaveFailure} with a plain message.
 */
public final class WorkspaceStore {
  private final WorkspaceFile files = new WorkspaceFile();
  private final AtomicFiles.ContentWriter writer;

  public WorkspaceStore() {
    this(AtomicFiles.FSYNC);
  }

  /** A store whose bytes go through {@code writer} (tests pass one that fails part way). */
  public WorkspaceStore(AtomicFiles.ContentWriter writer) {
    this.writer = writer;
  }

  /** A workspace as read, and the fingerprint of its bytes. */
  public record Opened(Workspace workspace, Fingerprint fingerprint) {}

  public Opened read(Path file) throws WorkspaceException {
    String text = files.readText(file);
    return new Opened(
        files.parse(text, file), Fingerprint.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The bytes a save of {@code ws} writes. */
  public byte[] bytes(Workspace ws) {
    return files.toYaml(ws).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code content} to {@code file} atomically; the old file survives any failure. */
  public void write(byte[] content, Path file) throws SaveFailure {
    boolean existed = Files.exists(file);
    try {
      AtomicFiles.write(file, content, false, writer);
    } catch (IOException e) {
      throw SaveFailure.of(file, e, existed);
    }
  }
}
