package dev.fetchboard.ui.editor;

import dev.fetchboard.interop.CurlParser;
import dev.fetchboard.interop.ImportException;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import java.util.List;
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
 * view, refresh and checks. It binds its fields to a {@link PanelEditorViewModel}, which checks
 * every change as the user types; the form shows the problems at their fields, disables Run with a
 * tooltip saying why, and a valid edit is in the workspace at once, so Run uses what the form
 * shows.
 */
public final class PanelEditor extends ScrollPane {
  private static final KeyCombination RUN_KEY =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  private final PanelEditorViewModel vm;
  private final FieldErrors errors = new FieldErrors();
  private final HttpForm httpForm;
  private final SqlForm sqlForm;
  private final UiExecutor ui;
  private final RedisForm redisForm;

  private final TextField title = new TextField();
  private final ComboBox<ViewKind> view = new ComboBox<>();
  private final TextField refresh = new TextField();
  private final TextArea checks = FormValues.area(3);
  private final Button run = new Button("Run");
  private final Button stop = new Button("Stop");
  private final Label formProblems = new Label();
  private final VBox content = new VBox(8);
  private SourceForm form;
  private Runnable onRun = () -> {};

  public PanelEditor(WorkspaceViewModel model, Runnable newConnection, UiExecutor ui) {
    this.ui = ui;
    this.vm = new PanelEditorViewModel(model);
    httpForm = new HttpForm(errors, vm::changed, this::takeCurl, vm::built);
    sqlForm = new SqlForm(model, errors, vm::changed, newConnection, ui);
    redisForm = new RedisForm(model, errors, vm::changed, newConnection);
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
    title.textProperty().bindBidirectional(vm.titleProperty());
    view.valueProperty().bindBidirectional(vm.viewProperty());
    refresh.textProperty().bindBidirectional(vm.refreshProperty());
    checks.textProperty().bindBidirectional(vm.checksProperty());
    run.disableProperty().bind(vm.runnableProperty().not());
    var runTip = new Tooltip();
    runTip.textProperty().bind(vm.runHintProperty());
    run.setTooltip(runTip);
    vm.shownProblemsProperty().subscribe(this::showProblems);
    run.setOnAction(
        e -> {
          if (vm.built() != null) {
            vm.run();
            onRun.run();
          }
        });
    stop.setOnAction(e -> vm.stop());
    // Ctrl+Enter runs from any field; the SQL editor would otherwise take it as a line break.
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (RUN_KEY.match(e)) {
            e.consume();
            vm.run();
          }
        });
    model.selectedProperty().subscribe(this::edit);
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
    vm.run();
  }

  /**
   * A cURL command pasted into the URL field becomes the request (method, URL, headers, body,
   * auth); options it cannot carry over are listed under the form, not dropped silently.
   */
  private void takeCurl(String text) {
    PanelViewModel editing = vm.editingProperty().get();
    try {
      var imported = CurlParser.parse(text);
      PanelSpec from = imported.panels().getFirst();
      PanelSpec now = editing.spec().withSource(from.source());
      // Not while the URL field is still firing the change that brought the command.
      ui.onFx(
          () -> {
            vm.replace(now);
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

  private void edit(PanelViewModel panel) {
    content.getChildren().clear();
    errors.clear();
    formProblems.setVisible(false);
    if (panel == null) {
      form = null;
      vm.load(null, null);
      content.getChildren().add(new Label("Select a panel, or add one with + HTTP / + SQL."));
      return;
    }
    form =
        switch (panel.spec().source()) {
          case null -> null;
          case HttpRequestSpec _ -> httpForm;
          case SqlQuerySpec _ -> sqlForm;
          case RedisCommandSpec _ -> redisForm;
        };
    if (form != null) {
      checks.setPromptText(form.checksHint());
    }
    // The grid first: the problems found as the panel loads go to its fields' labels.
    var grid = FormValues.grid();
    int row =
        FormValues.add(
            grid, 0, "Title", title, errors.label("id", title), errors.label("title", title));
    if (form != null) {
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
    vm.load(panel, form);
    showProblems(vm.shownProblemsProperty().get());
  }

  /** Problems at their fields; those that belong to no field under the buttons. */
  private void showProblems(List<Problem> problems) {
    List<Problem> unclaimed = errors.show(problems);
    formProblems.setText(String.join("\n", unclaimed.stream().map(Problem::describe).toList()));
    formProblems.setVisible(!unclaimed.isEmpty());
  }
}
