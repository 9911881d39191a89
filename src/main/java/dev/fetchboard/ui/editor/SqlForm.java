package dev.fetchboard.ui.editor;

import dev.fetchboard.sql.NamedParameters;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.ui.sqlassist.SqlAssist;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.SqlQuerySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The query of a SQL panel: connection (with "New connection…"), the SQL in a highlighting editor,
 * its {@code :name} parameters as a table, row cap, timeout and whether it may write.
 */
final class SqlForm implements SourceForm {
  private final WorkspaceViewModel model;
  private final FieldErrors errors;
  private final Runnable newConnection;

  private final ComboBox<String> connection = new ComboBox<>();
  private final Button addConnection = new Button("New connection…");
  private final SqlCodeArea sql;
  private final KeyValueTable params =
      new KeyValueTable("name", "value: 42, open, 'quoted text', true", name -> false);
  private final TextField maxRows = new TextField();
  private final TextField timeout = new TextField();
  private final CheckBox allowWrites = new CheckBox("allow writes");
  private final SqlAssist assist;
  private boolean loading;

  SqlForm(
      WorkspaceViewModel model,
      FieldErrors errors,
      Runnable onChange,
      Runnable newConnection,
      UiExecutor ui) {
    this.model = model;
    this.sql = new SqlCodeArea(ui);
    this.errors = errors;
    this.newConnection = newConnection;
    connection.setId("connection");
    addConnection.setId("new-connection");
    params.setId("sql-params");
    maxRows.setId("max-rows");
    maxRows.setPromptText(String.format("%,d", SqlQuerySpec.DEFAULT_MAX_ROWS));
    timeout.setPromptText("60s");
    allowWrites.setTooltip(new Tooltip("Otherwise the query runs in a read-only transaction"));
    addConnection.setOnAction(e -> addConnection());
    connection
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!loading) {
                onChange.run();
              }
            });
    sql.onText(text -> onChange.run());
    assist =
        new SqlAssist(
            sql.area(),
            model,
            connection.valueProperty(),
            () -> params.entries().stream().map(e -> e.name().strip()).toList());
    sql.afterHighlight(assist::restyle);
    params.onEdit(onChange);
    maxRows.textProperty().addListener((o, a, b) -> onChange.run());
    timeout.textProperty().addListener((o, a, b) -> onChange.run());
    allowWrites.selectedProperty().addListener((o, a, b) -> onChange.run());
    model.workspaceProperty().addListener((o, a, b) -> connections());
  }

  @Override
  public void load(PanelSpec panel) {
    SqlQuerySpec s = panel.asSql().orElseThrow();
    connections();
    loading = true;
    connection.setValue(s.connection());
    loading = false;
    sql.setText(FormValues.orEmpty(s.query()));
    var rows = new ArrayList<KeyValueTable.Entry>();
    s.params().forEach((k, v) -> rows.add(new KeyValueTable.Entry(k, SqlParams.text(v))));
    params.setEntries(rows);
    maxRows.setText(s.maxRows() == null ? "" : s.maxRows().toString());
    timeout.setText(FormValues.format(s.timeout()));
    allowWrites.setSelected(s.writesAllowed());
  }

  @Override
  public int layout(GridPane grid, int row) {
    row =
        FormValues.add(
            grid,
            row,
            "Connection",
            new HBox(6, connection, addConnection),
            errors.label("sql.connection", connection));
    row = FormValues.add(grid, row, "SQL", assist.decorate(sql), errors.label("sql.query"));
    row = FormValues.add(grid, row, "Parameters", params, errors.label("sql.params"));
    row =
        FormValues.add(
            grid,
            row,
            "Row cap",
            new HBox(12, maxRows, allowWrites),
            errors.label("sql.maxRows", maxRows));
    return FormValues.add(grid, row, "Timeout", timeout, errors.label("sql.timeout", timeout));
  }

  @Override
  public PanelSpec build(PanelSpec common, List<Problem> problems) {
    var values = SqlParams.parse(params.entries(), problems);
    String query = sql.getText();
    if (query.length() <= SqlCodeArea.HIGHLIGHT_LIMIT) {
      var missing = new HashSet<String>();
      for (String name : NamedParameters.parse(query).names()) {
        if (!values.containsKey(name) && missing.add(name)) {
          problems.add(
              new Problem(
                  "sql.params", "the query uses :" + name + "; add a parameter of that name"));
        }
      }
    }
    var s =
        new SqlQuerySpec(
            connection.getValue(),
            query,
            values,
            rowCap(problems),
            FormValues.duration(timeout.getText(), "sql.timeout", problems),
            allowWrites.isSelected() ? Boolean.TRUE : null);
    return common.withSource(s);
  }

  @Override
  public List<Node> buttons() {
    return List.of();
  }

  @Override
  public Node firstField() {
    return sql.area();
  }

  @Override
  public boolean unfilled(Problem p) {
    return p.where().equals("sql.query") && sql.getText().isBlank();
  }

  @Override
  public String checksHint() {
    return "- rowCount: { atLeast: 1 }\n- value: { greaterThan: 0 }";
  }

  /** The SQL editor, for tests. */
  SqlCodeArea editor() {
    return sql;
  }

  private Integer rowCap(List<Problem> problems) {
    String text = maxRows.getText().strip().replace(",", "").replace("_", "");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(new Problem("sql.maxRows", "'" + maxRows.getText() + "' is not a whole number"));
      return null;
    }
  }

  private void connections() {
    var names = new ArrayList<>(model.workspace().connections().keySet());
    if (!names.equals(connection.getItems())) {
      String keep = connection.getValue();
      loading = true;
      connection.getItems().setAll(names);
      connection.setValue(keep);
      loading = false;
    }
  }

  private void addConnection() {
    var before = new HashSet<>(model.workspace().connections().keySet());
    // The dialog is modal: when it returns, a connection it added is in the workspace.
    newConnection.run();
    model.workspace().connections().keySet().stream()
        .filter(name -> !before.contains(name))
        .findFirst()
        .ifPresent(connection::setValue);
  }
}
