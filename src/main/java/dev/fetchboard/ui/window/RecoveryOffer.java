package dev.fetchboard.ui.window;

import dev.fetchboard.state.Fingerprint;
import dev.fetchboard.state.RecoveryStore;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * At start, offers the edits a crashed session left behind (newest first, one banner at a time):
 * Restore opens them as unsaved edits of their file; Discard deletes them.
 */
final class RecoveryOffer {
  static final String BANNER = "recovery-banner";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

  /** What Restore hands to the window: the edits, their file (or null) and that file's content. */
  interface Restore {
    void restore(Workspace edits, Path file, Fingerprint onDisk);
  }

  private final RecoveryStore store;
  private final Banners banners;
  private final UiExecutor ui;
  private final Restore restore;
  private final Consumer<String> problem;

  RecoveryOffer(
      RecoveryStore store,
      Banners banners,
      UiExecutor ui,
      Restore restore,
      Consumer<String> problem) {
    this.store = store;
    this.banners = banners;
    this.ui = ui;
    this.restore = restore;
    this.problem = problem;
  }

  /** Looks for left-behind edits off the FX thread and offers the newest. */
  void offer() {
    if (store == null) {
      return;
    }
    ui.execute(
        "recovery",
        () -> {
          List<RecoveryStore.Found> found = store.orphans();
          if (!found.isEmpty()) {
            ui.onFx(() -> show(found.getFirst(), found.size() - 1));
          }
        });
  }

  private void show(RecoveryStore.Found f, int more) {
    var r = f.recovery();
    String what =
        r.file() == null
            ? "the unsaved workspace “" + r.name() + "”"
            : "“" + r.name() + "” (" + Path.of(r.file()).getFileName() + ")";
    banners.show(
        BANNER,
        "Fetchboard stopped without saving your edits to "
            + what
            + " from "
            + TIME.format(r.savedInstant().atZone(ZoneId.systemDefault()))
            + ". Restore them?"
            + (more > 0 ? " (" + more + " more after this)" : ""),
        new Banners.Choice("Restore", () -> restore(f)),
        new Banners.Choice("Discard", () -> discard(f)));
  }

  private void restore(RecoveryStore.Found f) {
    ui.execute(
        "recovery",
        () -> {
          try {
            var r = f.recovery();
            Workspace ws = new WorkspaceFile().parseUnchecked(r.yaml(), Path.of("recovered edits"));
            Path file = r.file() == null ? null : Path.of(r.file());
            Fingerprint disk = file == null ? null : onDisk(file);
            store.remove(f);
            ui.onFx(() -> restore.restore(ws, file, disk));
          } catch (WorkspaceException | IOException e) {
            ui.onFx(
                () ->
                    problem.accept(
                        "cannot restore the edits (kept in " + f.path() + "): " + e.getMessage()));
          }
          offer();
        });
  }

  private void discard(RecoveryStore.Found f) {
    ui.execute(
        "recovery",
        () -> {
          try {
            store.remove(f);
          } catch (IOException e) {
            ui.onFx(() -> problem.accept("cannot delete " + f.path() + ": " + e.getMessage()));
          }
          offer();
        });
  }

  private static Fingerprint onDisk(Path file) throws IOException {
    try {
      return Fingerprint.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
