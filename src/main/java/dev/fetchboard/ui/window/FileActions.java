package dev.fetchboard.ui.window;

import dev.fetchboard.state.ExternalChangeWatcher;
import dev.fetchboard.state.Fingerprint;
import dev.fetchboard.state.SaveFailure;
import dev.fetchboard.state.WorkspaceStore;
import dev.fetchboard.ui.model.PanelHistory;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ New, Open, Open Recent, Save, Save As and Quit: reading and writing off the FX thread,
 * asking before unsaved edits would be lost, and offering a reload when another program changes the
 * open file.
 */
public final class FileActions {
  static final String CHANGED_BANNER = "changed-on-disk-banner";

  private final WorkspaceViewModel model;
  private final PanelHistory history;
  private final WorkspaceStore store;
  private final ExternalChangeWatcher watcher;
  private final WindowSettings settings;
  private final RecoveryKeeper recovery;
  private final Banners banners;
  private final FileChoice choice;
  private final Executor io;
  private final Supplier<Window> owner;
  private final BiConsumer<String, String> problem;
  // Only the latest open may show its workspace: a slow read never replaces a newer one.
  private long generation;

  FileActions(
      WorkspaceViewModel model,
      PanelHistory history,
      WorkspaceStore store,
      ExternalChangeWatcher watcher,
      WindowSettings settings,
      RecoveryKeeper recovery,
      Banners banners,
      FileChoice choice,
      Executor io,
      Supplier<Window> owner,
      BiConsumer<String, String> problem) {
    this.model = model;
    this.history = history;
    this.store = store;
    this.watcher = watcher;
    this.settings = settings;
    this.recovery = recovery;
    this.banners = banners;
    this.choice = choice;
    this.io = io;
    this.owner = owner;
    this.problem = problem;
  }

  public void newWorkspace() {
    whenSettled(
        "starting a new workspace",
        () -> {
          generation++;
          show(Workspace.named("Untitled"), null, null);
          model.messageProperty().set("new workspace");
        });
  }

  public void open() {
    whenSettled(
        "opening another workspace",
        () -> {
          Path file = choice.toOpen(owner.get());
          if (file != null) {
            load(file);
          }
        });
  }

  public void openRecent(Path file) {
    whenSettled(
        "opening " + file.getFileName(),
        () -> {
          if (!Files.exists(file)) {
            settings.forget(file.toString());
            model.messageProperty().set(file + " no longer exists; removed from the recent files");
            return;
          }
          load(file);
        });
  }

  /** Reads a workspace off the FX thread and shows it; a bad file is reported, never changed. */
  public void load(Path file) {
    long mine = ++generation;
    model.messageProperty().set("opening " + file.getFileName() + "…");
    io.execute(
        () -> {
          try {
            WorkspaceStore.Opened opened = store.read(file);
            Platform.runLater(
                () -> {
                  if (mine == generation) {
                    show(opened.workspace(), file, opened.fingerprint());
                    settings.opened(file);
                    model.messageProperty().set("opened " + file.getFileName());
                  }
                });
          } catch (WorkspaceException e) {
            Platform.runLater(
                () -> problem.accept("Cannot open " + file.getFileName(), e.getMessage()));
          }
        });
  }

  /** Shows recovered edits as unsaved edits of {@code file} (null: never saved). */
  void restore(Workspace edits, Path file, Fingerprint onDisk) {
    whenSettled(
        "restoring the recovered edits",
        () -> {
          generation++;
          show(edits, file, onDisk);
          model.dirtyProperty().set(true);
          model.messageProperty().set("restored your unsaved edits; Save keeps them");
        });
  }

  /**
   * Shows the workspace the app starts on, read elsewhere; false (and nothing shown) when the user
   * already has something else open, such as restored edits.
   */
  public boolean showFirst(Workspace ws, Path file, Fingerprint onDisk) {
    if (model.dirtyProperty().get() || generation > 0) {
      return false;
    }
    show(ws, file, onDisk);
    return true;
  }

  private void show(Workspace ws, Path file, Fingerprint onDisk) {
    model.open(ws, file);
    history.clear();
    banners.dismiss(CHANGED_BANNER);
    watcher.watch(file, onDisk);
  }

  public void save() {
    save(() -> {});
  }

  public void saveAs() {
    Path to = choice.toSave(owner.get(), suggestedName());
    if (to != null) {
      write(to, () -> {});
    }
  }

  private void save(Runnable then) {
    Path to = model.fileProperty().get();
    if (to == null) {
      to = choice.toSave(owner.get(), suggestedName());
      if (to == null) {
        return;
      }
    }
    write(to, then);
  }

  private String suggestedName() {
    Path file = model.fileProperty().get();
    if (file != null) {
      return file.getFileName().toString();
    }
    String slug = model.workspace().name().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-|-$", "");
    return (slug.isEmpty() ? "workspace" : slug) + ".yaml";
  }

  /** Saves atomically off the FX thread, then runs {@code then}; a failure is told, not thrown. */
  private void write(Path to, Runnable then) {
    Workspace ws = model.workspace();
    boolean sameFile = to.equals(watcher.file());
    model.messageProperty().set("saving " + to.getFileName() + "…");
    io.execute(
        () -> {
          byte[] bytes = store.bytes(ws);
          Fingerprint fp = Fingerprint.of(bytes);
          if (sameFile) {
            watcher.expect(fp);
          }
          // Saved all the same (the edits are the user's), but said: Open refuses such a file.
          List<Problem> problems = new WorkspaceValidator(false).validate(ws);
          try {
            store.write(bytes, to);
          } catch (SaveFailure e) {
            watcher.saveFailed(fp);
            Platform.runLater(
                () -> problem.accept("Cannot save " + to.getFileName(), e.getMessage()));
            return;
          }
          Platform.runLater(
              () -> {
                if (sameFile && to.equals(watcher.file())) {
                  watcher.saved(fp);
                } else {
                  watcher.watch(to, fp);
                }
                banners.dismiss(CHANGED_BANNER);
                settings.opened(to);
                if (model.workspace() == ws) {
                  model.saved(to);
                } else {
                  // Edited while the file was written: those edits are not in the file yet.
                  model.fileProperty().set(to);
                  model
                      .messageProperty()
                      .set("saved " + to.getFileName() + " (newer edits unsaved)");
                }
                if (!problems.isEmpty()) {
                  model
                      .messageProperty()
                      .set(
                          "saved "
                              + to.getFileName()
                              + ", but it cannot be opened until "
                              + problems.size()
                              + " problem(s) are fixed: "
                              + problems.getFirst().describe());
                }
                then.run();
              });
        });
  }

  /** Asks before closing with unsaved edits; closes once they are saved or let go. */
  public void quit(Stage stage) {
    whenSettled(
        "closing",
        () -> {
          recovery.discard();
          stage.close();
        });
  }

  /** Routes the window's close button through {@link #quit}. */
  public void closeRequests(Stage stage) {
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          quit(stage);
        });
  }

  /**
   * Runs {@code next} now when nothing is unsaved; otherwise asks Save / Don't save / Cancel, and
   * runs it after a successful save or at once when the edits are let go.
   */
  void whenSettled(String before, Runnable next) {
    if (!model.dirtyProperty().get()) {
      next.run();
      return;
    }
    switch (UnsavedPrompt.ask(owner.get(), model.workspace().name(), before)) {
      case SAVE -> save(next);
      case DONT_SAVE -> {
        recovery.discard();
        next.run();
      }
      case CANCEL -> {}
    }
  }

  /** Another program changed {@code file} (called on the FX thread). */
  void changedOnDisk(Path file) {
    if (!file.equals(model.fileProperty().get())) {
      return;
    }
    boolean dirty = model.dirtyProperty().get();
    banners.show(
        CHANGED_BANNER,
        file.getFileName()
            + " was changed by another program."
            + (dirty ? " Reloading replaces your unsaved edits." : ""),
        new Banners.Choice("Reload", () -> load(file)),
        new Banners.Choice(
            "Keep mine",
            () -> {
              watcher.keepMine(watcher.reported());
              model.dirtyProperty().set(true);
              model
                  .messageProperty()
                  .set("kept your version; Save writes it over the changed file");
            }));
  }
}
