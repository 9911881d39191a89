package dev.fetchboard.ui.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Check;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Subscription;

/**
 * The state of the panel form, without its Nodes: the fields every kind has (title, view, refresh,
 * checks), the panel they came from, what is wrong with them and whether the panel can run. Every
 * change is checked at once; a valid edit goes into the workspace, so Run uses what the form shows.
 * The kind's own fields stay in its {@link SourceForm}, asked to build its part.
 */
public final class PanelEditorViewModel {
  private final WorkspaceViewModel model;
  private final WorkspaceValidator validator = new WorkspaceValidator(true);
  private final StringProperty title = new SimpleStringProperty("");
  private final ObjectProperty<ViewKind> view = new SimpleObjectProperty<>(ViewKind.TABLE);
  private final StringProperty refresh = new SimpleStringProperty("");
  private final StringProperty checks = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<PanelViewModel> editing = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<Problem>> shownProblems =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper runnable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper runHint = new ReadOnlyStringWrapper("");
  private SourceForm source;
  private PanelSpec built;
  private boolean loading;
  // False until the user edits the form shown: a new panel's empty URL or SQL is not red yet.
  private boolean edited;
  private Subscription problemWatch = Subscription.EMPTY;

  public PanelEditorViewModel(WorkspaceViewModel model) {
    this.model = model;
    for (var field : List.of(title, refresh, checks)) {
      field.subscribe((a, b) -> changed());
    }
    view.subscribe((a, b) -> changed());
  }

  public StringProperty titleProperty() {
    return title;
  }

  public ObjectProperty<ViewKind> viewProperty() {
    return view;
  }

  public StringProperty refreshProperty() {
    return refresh;
  }

  /** The checks as YAML text. */
  public StringProperty checksProperty() {
    return checks;
  }

  /** The panel the form shows, or null. */
  public ReadOnlyObjectProperty<PanelViewModel> editingProperty() {
    return editing.getReadOnlyProperty();
  }

  /** The problems to show now (a new panel's still empty fields are left out until edited). */
  public ReadOnlyObjectProperty<List<Problem>> shownProblemsProperty() {
    return shownProblems.getReadOnlyProperty();
  }

  /** True when the form as it stands is a panel that would run. */
  public ReadOnlyBooleanProperty runnableProperty() {
    return runnable.getReadOnlyProperty();
  }

  /** What Run does, or what to fix first. */
  public ReadOnlyStringProperty runHintProperty() {
    return runHint.getReadOnlyProperty();
  }

  /** Shows {@code vm} (null: nothing) with {@code kind} as the form of its source. */
  void load(PanelViewModel vm, SourceForm kind) {
    problemWatch.unsubscribe();
    edited = false;
    source = kind;
    built = null;
    runnable.set(false);
    shownProblems.set(List.of());
    editing.set(vm);
    if (vm == null) {
      return;
    }
    loading = true;
    try {
      PanelSpec p = vm.spec();
      title.set(p.displayTitle());
      view.set(p.viewOrDefault());
      refresh.set(FormValues.format(p.refresh()));
      checks.set(p.checks().isEmpty() ? "" : FormValues.yaml(p.checks()));
      if (kind != null) {
        kind.load(p);
      }
    } finally {
      loading = false;
    }
    check(false);
    // Problems found when the file was opened may arrive after the form: show them then.
    problemWatch = vm.problemProperty().subscribe(() -> check(false));
  }

  /** The user changed a field (of any part of the form). */
  public void changed() {
    check(true);
  }

  /** Runs the panel as the form shows it. */
  public void run() {
    if (built != null && runnable.get()) {
      model.update(built);
      model.run(built);
    }
  }

  /** Stops the panel's run. */
  public void stop() {
    if (editing.get() != null) {
      model.stop(editing.get().id());
    }
  }

  /** Puts {@code spec} (same panel, a new source) into the workspace and shows it. */
  public void replace(PanelSpec spec) {
    model.update(spec);
    load(editing.get(), source);
  }

  /** The panel as the form shows it when that would run, else null. */
  public PanelSpec built() {
    return built;
  }

  /**
   * Builds the panel from the form and says what is wrong with it; a valid panel the user edited
   * goes into the workspace. Loading a panel only checks it: the form's way of writing the same
   * request (e.g. query parameters in the table) must not mark an untouched workspace as edited.
   */
  private void check(boolean userEdit) {
    PanelViewModel vm = editing.get();
    if (loading || vm == null || source == null) {
      return;
    }
    var problems = new ArrayList<Problem>();
    PanelSpec spec = source.build(common(vm.spec(), problems), problems);
    problems.addAll(validator.validatePanel(spec, model.workspace()));
    problems.replaceAll(source::plain);
    // A panel opened from a file with a problem shows it at once; only a new one starts neutral.
    edited |= userEdit || vm.hasSpecProblem();
    shownProblems.set(
        edited
            ? List.copyOf(problems)
            : problems.stream().filter(p -> !source.unfilled(p)).toList());
    boolean ok = problems.isEmpty();
    runHint.set(
        ok
            ? "Run this panel (Ctrl+Enter)"
            : "Fix first: " + String.join("; ", problems.stream().map(Problem::describe).toList()));
    built = ok ? spec : null;
    runnable.set(ok);
    if (ok && userEdit && !spec.equals(vm.spec())) {
      model.update(spec);
    }
  }

  private PanelSpec common(PanelSpec p, List<Problem> problems) {
    String t = title.get() == null ? "" : title.get().strip();
    return new PanelSpec(
        p.id(),
        // The form shows defaults (the id as title, a table view); showing them is not an edit,
        // so a file that left them out keeps leaving them out.
        p.title() == null && t.equals(p.id()) ? null : t,
        null,
        p.view() == null && view.get() == ViewKind.TABLE ? null : view.get(),
        null,
        null,
        p.chart(),
        FormValues.duration(refresh.get(), "refresh", problems),
        checkList(problems));
  }

  private List<Check> checkList(List<Problem> problems) {
    String text = checks.get();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      List<Check> list = FormValues.YAML.readValue(text, new TypeReference<List<Check>>() {});
      return list == null ? List.of() : list;
    } catch (java.io.IOException | RuntimeException e) {
      problems.add(
          new Problem(
              "checks",
              "write checks as a YAML list, e.g. - status: 200 ("
                  + FormValues.firstLine(e.getMessage())
                  + ")"));
      return List.of();
    }
  }
}
