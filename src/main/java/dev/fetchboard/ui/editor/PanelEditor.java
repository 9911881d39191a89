package dev.fetchboard.ui.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.fetchboard.interop.CurlParser;
import dev.fetchboard.interop.ImportException;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.Check;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The form of the selected panel: title, the HTTP or SQL part ({@link HttpForm}, {@link SqlForm}),
 * view, refresh and checks. Every change is checked as the user types: problems show at their
 * field, Run is disabled with a tooltip saying why, and a valid form updates the workspace at once,
 * so Run always uses what the form shows.
 */
public final class PanelEditor extends ScrollPane {
  private static final KeyCombination RUN_KEY =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  private final WorkspaceViewModel model;
  private final FieldErrors errors = new FieldErrors();
  private final WorkspaceValidator validator = new WorkspaceValidator(true);
  private final HttpForm httpForm;
  private final SqlForm sqlForm;

  private final TextField title = new TextField();
  private final ComboBox<ViewKind> view = new ComboBox<>();
  private final TextField refresh = new TextField();
  private final TextArea checks = FormValues.area(3);
  private final Button run = new Button("Run");
  private final Button stop = new Button("Stop");
  private final Label formProblems = new Label();
  private final VBox content = new VBox(8);
  private PanelViewModel editing;
  private SourceForm form;
  private PanelSpec built;
  private boolean loading;
  // False until the user edits the form shown: a new panel's empty URL or SQL is not red yet.
  private boolean edited;
  private javafx.util.Subscription problemWatch = javafx.util.Subscription.EMPTY;
  private Runnable onRun = () -> {};

  public PanelEditor(WorkspaceViewModel model, Runnable newConnection) {
    this.model = model;
    httpForm = new HttpForm(errors, this::changed, this::takeCurl, () -> built);
    sqlForm = new SqlForm(model, errors, this::changed, newConnection);
    getStyleClass().add("panel-editor");
    setFitToWidth(true);
    content.setPadding(new Insets(10));
    setContent(content);
    view.getItems().setAll(ViewKind.values());
    // Shown as written in the workspace file (view: chart), not as the enum's constant.
    view.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(ViewKind k) {
            return k == null ? "" : k.key();
          }

          @Override
          public ViewKind fromString(String s) {
            return s == null || s.isBlank() ? null : ViewKind.of(s);
          }
        });
    title.setId("panel-title");
    refresh.setId("refresh");
    refresh.setPromptText("10s  (empty: only when run)");
    checks.setId("checks");
    checks.setPromptText("- status: 200\n- latencyUnder: 500ms");
    run.setId("run-panel");
    run.getStyleClass().add("accent");
    stop.setId("stop-panel");
    formProblems.getStyleClass().add("field-error");
    formProblems.setWrapText(true);
    formProblems.managedProperty().bind(formProblems.visibleProperty());
    formProblems.setVisible(false);
    run.setOnAction(
        e -> {
          if (built != null) {
            runNow();
            onRun.run();
          }
        });
    stop.setOnAction(
        e -> {
          if (editing != null) {
            model.stop(editing.id());
          }
        });
    for (var field : List.of(title, refresh)) {
      field.textProperty().addListener((o, a, b) -> changed());
    }
    checks.textProperty().addListener((o, a, b) -> changed());
    view.valueProperty().addListener((o, a, b) -> changed());
    // Ctrl+Enter runs from any field; the SQL editor would otherwise take it as a line break.
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (RUN_KEY.match(e)) {
            e.consume();
            runNow();
          }
        });
    model.selectedProperty().addListener((o, a, b) -> edit(b));
    edit(model.selectedProperty().get());
  }

  /** Puts the keyboard in the field a new panel is filled in from (the URL, the SQL). */
  public void focusFirstField() {
    if (form != null) {
      form.firstField().requestFocus();
      if (form.firstField() instanceof javafx.scene.control.TextField f) {
        f.end();
      }
    }
  }

  /** Called after the Run button ran the panel (the window then shows its result). */
  public void setOnRun(Runnable onRun) {
    this.onRun = onRun;
  }

  /** Runs the panel as the form shows it. */
  public void runNow() {
    if (built != null && !run.isDisable()) {
      model.update(built);
      model.run(built);
    }
  }

  /**
   * A cURL command pasted into the URL field becomes the request (method, URL, headers, body,
   * auth); options it cannot carry over are listed under the form, not dropped silently.
   */
  private void takeCurl(String text) {
    try {
      var imported = CurlParser.parse(text);
      PanelSpec from = imported.panels().getFirst();
      PanelSpec now = editing.spec().withSource(from.source());
      // Not while the URL field is still firing the change that brought the command.
      Platform.runLater(
          () -> {
            model.update(now);
            edit(editing);
            if (!imported.notices().isEmpty()) {
              formProblems.setText("From cURL: " + String.join("; ", imported.notices()));
              formProblems.setVisible(true);
            }
          });
    } catch (ImportException e) {
      formProblems.setText("Not a cURL command this can read: " + e.getMessage());
      formProblems.setVisible(true);
    }
  }

  private void edit(PanelViewModel vm) {
    editing = vm;
    edited = false;
    problemWatch.unsubscribe();
    content.getChildren().clear();
    errors.clear();
    if (vm == null) {
      form = null;
      built = null;
      content.getChildren().add(new Label("Select a panel, or add one with + HTTP / + SQL."));
      return;
    }
    loading = true;
    try {
      PanelSpec p = vm.spec();
      form =
          switch (p.source()) {
            case null -> null;
            case HttpRequestSpec _ -> httpForm;
            case SqlQuerySpec _ -> sqlForm;
            case RedisCommandSpec _ -> null;
          };
      title.setText(p.displayTitle());
      view.setValue(p.viewOrDefault());
      refresh.setText(FormValues.format(p.refresh()));
      checks.setText(p.checks().isEmpty() ? "" : FormValues.yaml(p.checks()));
      if (form != null) {
        checks.setPromptText(form.checksHint());
      }
      var grid = FormValues.grid();
      int row =
          FormValues.add(
              grid, 0, "Title", title, errors.label("id", title), errors.label("title", title));
      if (form != null) {
        form.load(p);
        row = form.layout(grid, row);
      }
      row = FormValues.add(grid, row, "View", view, errors.label("view", view));
      row = FormValues.add(grid, row, "Refresh", refresh, errors.label("refresh", refresh));
      FormValues.add(grid, row, "Checks (YAML)", checks, errors.label("checks", checks));
      var buttons = new HBox(8, run, stop);
      if (form != null) {
        buttons.getChildren().addAll(form.buttons());
      }
      content.getChildren().addAll(buttons, formProblems, grid);
    } finally {
      loading = false;
    }
    check(false);
    // Problems found when the file was opened may arrive after the form: show them then.
    problemWatch = vm.problemProperty().subscribe(() -> check(false));
  }

  private void changed() {
    check(true);
  }

  /**
   * Builds the panel from the form and shows what is wrong with it; a valid panel the user edited
   * goes into the workspace. Loading a panel only checks it: the form's way of writing the same
   * request (e.g. query parameters in the table) must not mark an untouched workspace as edited.
   */
  private void check(boolean userEdit) {
    if (loading || editing == null || form == null) {
      return;
    }
    var problems = new ArrayList<Problem>();
    PanelSpec spec = form.build(common(problems), problems);
    problems.addAll(validator.validatePanel(spec, model.workspace()));
    problems.replaceAll(form::plain);
    // A panel opened from a file with a problem shows it at once; only a new one starts neutral.
    edited |= userEdit || editing.hasSpecProblem();
    List<Problem> unclaimed =
        errors.show(edited ? problems : problems.stream().filter(p -> !form.unfilled(p)).toList());
    formProblems.setText(String.join("\n", unclaimed.stream().map(Problem::describe).toList()));
    formProblems.setVisible(!unclaimed.isEmpty());
    boolean ok = problems.isEmpty();
    run.setDisable(!ok);
    run.setTooltip(
        new Tooltip(
            ok
                ? "Run this panel (Ctrl+Enter)"
                : "Fix first: "
                    + String.join("; ", problems.stream().map(Problem::describe).toList())));
    built = ok ? spec : null;
    if (ok && userEdit && !spec.equals(editing.spec())) {
      model.update(spec);
    }
  }

  private PanelSpec common(List<Problem> problems) {
    PanelSpec p = editing.spec();
    return new PanelSpec(
        p.id(),
        // The form shows defaults (the id as title, a table view); showing them is not an edit,
        // so a file that left them out keeps leaving them out.
        p.title() == null && title.getText().strip().equals(p.id())
            ? null
            : title.getText().strip(),
        null,
        p.view() == null && view.getValue() == ViewKind.TABLE ? null : view.getValue(),
        null,
        null,
        p.chart(),
        FormValues.duration(refresh.getText(), "refresh", problems),
        checkList(problems));
  }

  private List<Check> checkList(List<Problem> problems) {
    if (checks.getText().isBlank()) {
      return List.of();
    }
    try {
      List<Check> list =
          FormValues.YAML.readValue(checks.getText(), new TypeReference<List<Check>>() {});
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
