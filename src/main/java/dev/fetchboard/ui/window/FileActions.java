package dev.fetchboard.ui.window;

import dev.fetchboard.state.ExternalChangeWatcher;
import dev.fetchboard.state.Fingerprint;
import dev.fetchboard.state.SaveFailure;
import dev.fetchboard.state.Settings;
import dev.fetchboard.state.WorkspaceStore;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelHistory;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
  private final UiExecutor ui;
  private final Supplier<Window> owner;
  private final BiConsumer<String, String> problem;
  // Only the latest open may show its workspace: a slow read never replaces a newer one.
  private long generation;
  // The text of the open file as last read or written: a save keeps what it can of it (comments).
  private String fileText;
  private UnaryOperator<Workspace> beforeShowing = UnaryOperator.identity();

  FileActions(
      WorkspaceViewModel model,
      PanelHistory history,
      WorkspaceStore store,
      ExternalChangeWatcher watcher,
      WindowSettings settings,
      RecoveryKeeper recovery,
      Banners banners,
      FileChoice choice,
      UiExecutor ui,
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
    this.ui = ui;
    this.owner = owner;
    this.problem = problem;
    // Auto-refresh and the selected panel are remembered per file, for the next time it opens.
    model.autoRefreshProperty().subscribe(this::rememberView);
    model.selectedProperty().subscribe(this::rememberView);
  }

  private void rememberView() {
    Path file = model.fileProperty().get();
    if (file != null) {
      PanelViewModel selected = model.selectedProperty().get();
      settings.remember(
          file,
          new Settings.WorkspaceView(
              model.autoRefreshProperty().get(), selected == null ? null : selected.id()));
    }
  }

  public void newWorkspace() {
    whenSettled(
        "starting a new workspace",
        () -> {
          generation++;
          show(Workspace.named("Untitled"), null, null, null);
          model.tell("new workspace");
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
            model.tell(file + " no longer exists; removed from the recent files");
            return;
          }
          load(file);
        });
  }

  /** Reads a workspace off the FX thread and shows it; a bad file is reported, never changed. */
  public void load(Path file) {
    long mine = ++generation;
    model.tell("opening " + file.getFileName() + "…");
    ui.execute(
        "files",
        () -> {
          try {
            // One bad panel never refuses the whole file: it opens, and the panel says what is
            // wrong on its tile and in its form.
            WorkspaceStore.OpenedLeniently opened = store.readLeniently(file);
            Workspace ws = beforeShowing.apply(opened.workspace());
            ui.onFx(
                () -> {
                  if (mine == generation) {
                    settings.opened(file);
                    show(ws, file, opened.fingerprint(), opened.text());
                    List<Problem> rest = model.showProblems(opened.problems());
                    model.tell(openedMessage(file, opened.problems(), rest));
                  }
                });
          } catch (WorkspaceException e) {
            ui.onFx(() -> problem.accept("Cannot open " + file.getFileName(), e.getMessage()));
          }
        });
  }

  private static String openedMessage(Path file, List<Problem> all, List<Problem> rest) {
    String name = "opened " + file.getFileName();
    if (all.isEmpty()) {
      return name;
    }
    int panels = all.size() - rest.size();
    return name
        + " — "
        + all.size()
        + " problem(s) to fix before "
        + (panels > 0 ? "some panels run" : "it runs")
        + (rest.isEmpty() ? "; see the marked tiles" : ": " + rest.getFirst().describe());
  }

  /**
   * Gives every workspace read from a file to {@code prepare} first, off the FX thread (e.g. to
   * start the sample API the workspace points at, before its panels run).
   */
  public void beforeShowing(UnaryOperator<Workspace> prepare) {
    beforeShowing = prepare;
  }

  /** Shows recovered edits as unsaved edits of {@code file} (null: never saved). */
  void restore(Workspace edits, Path file, Fingerprint onDisk) {
    whenSettled(
        "restoring the recovered edits",
        () -> {
          generation++;
          show(edits, file, onDisk, null);
          model.markEdited();
          model.tell("restored your unsaved edits; Save keeps them");
        });
  }

  /**
   * Shows the workspace the app starts on, read elsewhere; false (and nothing shown) when the user
   * already has something else open, such as restored edits.
   */
  public boolean showFirst(Workspace ws, Path file, Fingerprint onDisk, String text) {
    if (model.dirtyProperty().get() || generation > 0) {
      return false;
    }
    show(ws, file, onDisk, text);
    return true;
  }

  private void show(Workspace ws, Path file, Fingerprint onDisk, String text) {
    fileText = text;
    // Read before opening: opening selects the first panel, which is remembered at once.
    Settings.WorkspaceView seen = file == null ? null : settings.get().viewOf(file);
    model.open(ws, file);
    if (seen != null) {
      PanelViewModel selected = seen.selected() == null ? null : model.panel(seen.selected());
      if (selected != null) {
        model.select(selected);
      }
      model.setAutoRefresh(seen.autoRefresh());
    }
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
    List<Problem> problems = new WorkspaceValidator(false).validate(ws);
    if (!problems.isEmpty() && !SaveProblemsPrompt.saveAnyway(owner.get(), ws, problems)) {
      model.tell("not saved: fix the panels first, or Save anyway");
      return;
    }
    boolean sameFile = to.equals(watcher.file());
    // Comments and layout of the file as opened are kept only when saving over that same file.
    String previous = to.equals(model.fileProperty().get()) ? fileText : null;
    model.tell("saving " + to.getFileName() + "…");
    ui.execute(
        "files",
        () -> {
          byte[] bytes = store.bytes(ws, previous);
          Fingerprint fp = Fingerprint.of(bytes);
          if (sameFile) {
            watcher.expect(fp);
          }
          try {
            store.write(bytes, to);
          } catch (SaveFailure e) {
            watcher.saveFailed(fp);
            ui.onFx(() -> problem.accept("Cannot save " + to.getFileName(), e.getMessage()));
            return;
          }
          ui.onFx(
              () -> {
                if (sameFile && to.equals(watcher.file())) {
                  watcher.saved(fp);
                } else {
                  watcher.watch(to, fp);
                }
                banners.dismiss(CHANGED_BANNER);
                settings.opened(to);
                rememberView();
                fileText = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                if (model.workspace() == ws) {
                  model.saved(to);
                } else {
                  // Edited while the file was written: those edits are not in the file yet.
                  model.movedTo(to);
                  model.tell("saved " + to.getFileName() + " (newer edits unsaved)");
                }
                if (!problems.isEmpty()) {
                  model.tell(
                      "saved "
                          + to.getFileName()
                          + " with "
                          + problems.size()
                          + " panel problem(s) to fix: "
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
              model.markEdited();
              model.tell("kept your version; Save writes it over the changed file");
            }));
  }
}
