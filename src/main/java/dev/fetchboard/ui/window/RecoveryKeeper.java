package dev.fetchboard.ui.window;

import dev.fetchboard.state.DebouncedWriter;
import dev.fetchboard.state.RecoveryStore;
import dev.fetchboard.state.WorkspaceStore;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Keeps this session's unsaved edits in the recovery folder: written a moment after the last edit
 * on an I/O thread, removed once the workspace is saved, reopened or its edits are discarded.
 */
public final class RecoveryKeeper {
  /** How long the recovery file waits after the last edit before it is written. */
  static final Duration WRITE_DELAY = Duration.ofMillis(500);

  private record Edits(Workspace workspace, Path file) {}

  private final WorkspaceViewModel model;
  private final DebouncedWriter<Edits> writer;

  /**
   * @param store the recovery folder, or null to keep nothing (tests that do not need it)
   */
  public RecoveryKeeper(
      WorkspaceViewModel model,
      RecoveryStore store,
      WorkspaceStore files,
      ScheduledExecutorService timer,
      UiExecutor ui,
      Consumer<String> onError) {
    this.model = model;
    this.writer =
        store == null
            ? null
            : new DebouncedWriter<>(
                WRITE_DELAY,
                timer,
                ui.workers("recovery-copy"),
                edits -> {
                  if (edits == null) {
                    store.clear();
                  } else {
                    store.write(
                        edits.file() == null ? null : edits.file().toAbsolutePath().toString(),
                        edits.workspace().name(),
                        new String(files.bytes(edits.workspace()), StandardCharsets.UTF_8));
                  }
                },
                why ->
                    ui.onFx(
                        () -> onError.accept("cannot keep a recovery copy of your edits: " + why)));
    model.workspaceProperty().addListener((o, a, b) -> changed());
    model.dirtyProperty().addListener((o, a, b) -> changed());
  }

  private void changed() {
    if (writer == null) {
      return;
    }
    writer.submit(
        model.dirtyProperty().get()
            ? new Edits(model.workspace(), model.fileProperty().get())
            : null);
  }

  /** The user chose not to keep the edits: the recovery copy goes too. */
  public void discard() {
    if (writer != null) {
      writer.submit(null);
    }
  }

  /** Writes or removes now (the app is closing). */
  public void flush() {
    if (writer != null) {
      writer.flush();
    }
  }
}
