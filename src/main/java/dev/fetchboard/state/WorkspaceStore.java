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

  /**
   * A workspace as read even when some panels are invalid, the problems found, the exact text read
   * (a later save keeps what it can of it) and the fingerprint of its bytes.
   */
  public record OpenedLeniently(
      Workspace workspace,
      java.util.List<dev.fetchboard.workspace.Problem> problems,
      String text,
      Fingerprint fingerprint) {}

  /** Reads a workspace, keeping it even when some of its panels are invalid. */
  public OpenedLeniently readLeniently(Path file) throws WorkspaceException {
    String text = files.readText(file);
    var parsed = files.parseLenient(text, file);
    return new OpenedLeniently(
        parsed.workspace(),
        parsed.problems(),
        text,
        Fingerprint.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The bytes a save of {@code ws} writes. */
  public byte[] bytes(Workspace ws) {
    return files.toYaml(ws).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The bytes a save of {@code ws} writes over a file that held {@code previousText} (null for a
   * new file): what the author wrote there beyond the workspace's values is kept where it can be.
   */
  public byte[] bytes(Workspace ws, String previousText) {
    return files.toYaml(ws, previousText).getBytes(StandardCharsets.UTF_8);
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
