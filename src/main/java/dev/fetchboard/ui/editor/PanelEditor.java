package dev.fetchboard.ui.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.Check;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.WorkspaceValidator;
import dev.fetchboard.workspace.YamlMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The form of the selected panel (HTTP or SQL). Every change is checked as the user types: problems
 * show at their field, Run is disabled with a tooltip saying why, and a valid form updates the
 * workspace at once, so Run always uses what the form shows.
 */
public final class PanelEditor extends ScrollPane {
  private static final ObjectMapper YAML = YamlMapping.newYamlMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_BODY = "no body";

  private final WorkspaceViewModel model;
  private final FieldErrors errors = new FieldErrors();
  private final WorkspaceValidator validator = new WorkspaceValidator(true);
  private final Runnable newConnection;

  private final TextField title = new TextField();
  private final ComboBox<ViewKind> view = new ComboBox<>();
  private final TextField refresh = new TextField();
  private final TextArea checks = area(3);
  // HTTP
  private final ComboBox<String> method = new ComboBox<>();
  private final TextField url = new TextField();
  private final TextArea query = area(2);
  private final TextArea headers = area(3);
  private final ComboBox<String> bodyKind = new ComboBox<>();
  private final TextArea body = area(4);
  private final ComboBox<String> authKind = new ComboBox<>();
  private final TextField authUser = new TextField();
  private final TextField authSecret = new TextField();
  private final TextField timeout = new TextField();
  private final CheckBox followRedirects = new CheckBox("follow redirects");
  private final TextField rowsPath = new TextField();
  private final TextField valuePath = new TextField();
  // SQL
  private final ComboBox<String> connection = new ComboBox<>();
  private final TextArea sql = area(6);
  private final TextArea params = area(2);
  private final TextField maxRows = new TextField();
  private final TextField sqlTimeout = new TextField();
  private final CheckBox allowWrites = new CheckBox("allow writes (otherwise read-only)");

  private final Button run = new Button("Run");
  private final Button stop = new Button("Stop");
  private final Button copyCurl = new Button("Copy as cURL");
  private final Label formProblems = new Label();
  private final VBox content = new VBox(8);
  private PanelViewModel editing;
  private PanelSpec built;
  private boolean loading;

  public PanelEditor(WorkspaceViewModel model, Runnable newConnection) {
    this.model = model;
    this.newConnection = newConnection;
    getStyleClass().add("panel-editor");
    setFitToWidth(true);
    content.setPadding(new Insets(10));
    setContent(content);
    view.getItems().setAll(ViewKind.values());
    method.getItems().setAll("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    method.setEditable(true);
    // An editable combo box is as wide as a text field by default; a method name needs far less.
    method.setPrefWidth(110);
    method.setMinWidth(110);
    bodyKind.getItems().setAll(NO_BODY, "json", "text", "form");
    authKind.getItems().setAll("none", "basic", "bearer");
    url.setId("url");
    sql.setId("sql");
    run.setId("run-panel");
    run.getStyleClass().add("accent");
    stop.setId("stop-panel");
    formProblems.getStyleClass().add("field-error");
    formProblems.setWrapText(true);
    url.setPromptText("https://api.example.com/orders   (${variables} allowed)");
    headers.setPromptText("Accept: application/json\nX-Api-Key: ${env:API_KEY}");
    query.setPromptText("limit=50");
    authSecret.setPromptText("${env:API_TOKEN}  (a reference, never the secret)");
    checks.setPromptText("- status: 200\n- latencyUnder: 500ms");
    params.setPromptText("status: open");
    run.setOnAction(e -> runNow());
    copyCurl.setId("copy-curl");
    copyCurl.setOnAction(
        e -> {
          if (built != null && built.http() != null) {
            var content = new javafx.scene.input.ClipboardContent();
            content.putString(dev.fetchboard.interop.CurlWriter.write(built));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
          }
        });
    url.textProperty()
        .addListener(
            (o, a, text) -> {
              if (!loading && editing != null && dev.fetchboard.interop.CurlParser.looks(text)) {
                takeCurl(text);
              }
            });
    stop.setOnAction(
        e -> {
          if (editing != null) {
            model.stop(editing.id());
          }
        });
    ChangeListener<Object> onChange = (o, a, b) -> changed();
    for (var field :
        List.of(
            title,
            refresh,
            url,
            authUser,
            authSecret,
            timeout,
            rowsPath,
            valuePath,
            maxRows,
            sqlTimeout)) {
      field.textProperty().addListener(onChange);
    }
    for (var a : List.of(checks, query, headers, body, sql, params)) {
      a.textProperty().addListener(onChange);
    }
    for (var c : List.of(view, method, bodyKind, authKind, connection)) {
      c.valueProperty().addListener(onChange);
    }
    method.getEditor().textProperty().addListener(onChange);
    followRedirects.selectedProperty().addListener(onChange);
    allowWrites.selectedProperty().addListener(onChange);
    model.selectedProperty().addListener((o, a, b) -> edit(b));
    model
        .workspaceProperty()
        .addListener(
            (o, a, b) -> {
              var names = new ArrayList<>(b.connections().keySet());
              if (!names.equals(connection.getItems())) {
                String keep = connection.getValue();
                loading = true;
                connection.getItems().setAll(names);
                connection.setValue(keep);
                loading = false;
              }
            });
    edit(model.selectedProperty().get());
  }

  /**
   * A cURL command pasted into the URL field becomes the request (method, URL, headers, body,
   * auth); options it cannot carry over are listed under the form, not dropped silently.
   */
  private void takeCurl(String text) {
    try {
      var imported = dev.fetchboard.interop.CurlParser.parse(text);
      PanelSpec from = imported.panels().getFirst();
      PanelSpec now = editing.spec().withHttp(from.http());
      javafx.application.Platform.runLater(
          () -> {
            model.update(now);
            edit(editing);
            if (!imported.notices().isEmpty()) {
              formProblems.setText("From cURL: " + String.join("; ", imported.notices()));
              formProblems.setVisible(true);
            }
          });
    } catch (dev.fetchboard.interop.ImportException e) {
      formProblems.setText("Not a cURL command this can read: " + e.getMessage());
      formProblems.setVisible(true);
    }
  }

  /** Runs the panel as the form shows it. */
  public void runNow() {
    if (built != null && !run.isDisable()) {
      model.update(built);
      model.run(built);
    }
  }

  private void edit(PanelViewModel vm) {
    editing = vm;
    content.getChildren().clear();
    if (vm == null) {
      content.getChildren().add(new Label("Select a panel, or add one with + HTTP / + SQL."));
      return;
    }
    loading = true;
    PanelSpec p = vm.spec();
    title.setText(p.displayTitle());
    view.setValue(p.viewOrDefault());
    refresh.setText(p.refresh() == null ? "" : Durations.format(p.refresh()));
    checks.setText(p.checks().isEmpty() ? "" : yaml(p.checks()));
    rowsPath.setText(p.rows() == null ? "" : p.rows());
    valuePath.setText(p.value() == null ? "" : p.value());
    var grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(4);
    int row = 0;
    row = add(grid, row, "Title", title, errors.label("id"));
    if (p.http() != null) {
      HttpRequestSpec h = p.http();
      method.setValue(h.method());
      url.setText(h.url() == null ? "" : h.url());
      query.setText(lines(h.query(), "="));
      headers.setText(lines(h.headers(), ": "));
      loadBody(h.body());
      loadAuth(h.auth());
      timeout.setText(h.timeout() == null ? "" : Durations.format(h.timeout()));
      followRedirects.setSelected(h.followRedirectsOrDefault());
      var line = new HBox(6, method, url);
      HBox.setHgrow(url, Priority.ALWAYS);
      row = add(grid, row, "Request", line, errors.label("http.url"), errors.label("http.method"));
      row = add(grid, row, "Query", query, errors.label("http.query"));
      row = add(grid, row, "Headers", headers, errors.label("http.headers"));
      row = add(grid, row, "Body", new VBox(4, bodyKind, body), errors.label("http.body"));
      var auth = new HBox(6, authKind, authUser, authSecret);
      HBox.setHgrow(authSecret, Priority.ALWAYS);
      row = add(grid, row, "Auth", auth, errors.label("http.auth"));
      row =
          add(
              grid,
              row,
              "Timeout",
              new HBox(12, timeout, followRedirects),
              errors.label("http.timeout"));
      row = add(grid, row, "Rows (JSONPath)", rowsPath, errors.label("rows"));
      row = add(grid, row, "Value (JSONPath)", valuePath, errors.label("value"));
    } else if (p.sql() != null) {
      SqlQuerySpec s = p.sql();
      connection.getItems().setAll(model.workspace().connections().keySet());
      connection.setValue(s.connection());
      sql.setText(s.query() == null ? "" : s.query());
      params.setText(s.params().isEmpty() ? "" : yaml(s.params()));
      maxRows.setText(s.maxRows() == null ? "" : s.maxRows().toString());
      sqlTimeout.setText(s.timeout() == null ? "" : Durations.format(s.timeout()));
      allowWrites.setSelected(s.writesAllowed());
      var newConn = new Button("New connection…");
      newConn.setOnAction(e -> newConnection.run());
      row =
          add(
              grid,
              row,
              "Connection",
              new HBox(6, connection, newConn),
              errors.label("sql.connection"));
      row = add(grid, row, "SQL", sql, errors.label("sql.query"));
      row = add(grid, row, "Parameters", params, errors.label("sql.params"));
      row =
          add(
              grid,
              row,
              "Row cap",
              new HBox(12, maxRows, allowWrites),
              errors.label("sql.maxRows"));
      row = add(grid, row, "Timeout", sqlTimeout, errors.label("sql.timeout"));
    }
    row = add(grid, row, "View", view, errors.label("view"));
    row = add(grid, row, "Refresh", refresh, errors.label("refresh"));
    add(grid, row, "Checks (YAML)", checks, errors.label("checks"));
    var buttons = p.http() != null ? new HBox(8, run, stop, copyCurl) : new HBox(8, run, stop);
    content.getChildren().addAll(buttons, formProblems, grid);
    loading = false;
    changed();
  }

  private void changed() {
    if (loading || editing == null) {
      return;
    }
    var problems = new ArrayList<Problem>();
    PanelSpec spec = build(problems);
    if (spec != null) {
      problems.addAll(validator.validatePanel(spec, model.workspace()));
    }
    List<Problem> unclaimed = errors.show(problems);
    formProblems.setText(String.join("\n", unclaimed.stream().map(Problem::describe).toList()));
    formProblems.setVisible(!unclaimed.isEmpty());
    boolean ok = spec != null && problems.isEmpty();
    run.setDisable(!ok);
    run.setTooltip(
        ok
            ? new Tooltip("Run this panel (Ctrl+Enter)")
            : new Tooltip(
                "Fix first: "
                    + String.join("; ", problems.stream().map(Problem::describe).toList())));
    if (ok && !spec.equals(editing.spec())) {
      built = spec;
      model.update(spec);
    } else if (ok) {
      built = spec;
    } else {
      built = null;
    }
  }

  private PanelSpec build(List<Problem> problems) {
    PanelSpec p = editing.spec();
    Duration refreshEvery = duration(refresh.getText(), "refresh", problems);
    List<Check> checkList = checks(problems);
    String rows = blankToNull(rowsPath.getText());
    String value = blankToNull(valuePath.getText());
    PanelSpec out =
        new PanelSpec(
            p.id(),
            // The form shows defaults (the id as title, a table view); showing them is not an
            // edit, so a file that left them out keeps leaving them out.
            p.title() == null && title.getText().strip().equals(p.id())
                ? null
                : title.getText().strip(),
            null,
            null,
            p.view() == null && view.getValue() == ViewKind.TABLE ? null : view.getValue(),
            rows,
            value,
            refreshEvery,
            checkList);
    if (p.http() != null) {
      String m =
          method.getEditor() != null && !method.getEditor().getText().isBlank()
              ? method.getEditor().getText()
              : method.getValue();
      var h =
          new HttpRequestSpec(
              m,
              url.getText().strip(),
              pairs(query.getText(), "=", "http.query", problems),
              pairs(headers.getText(), ":", "http.headers", problems),
              body(problems),
              auth(),
              duration(timeout.getText(), "http.timeout", problems),
              followRedirects.isSelected() ? null : Boolean.FALSE,
              p.http().retries(),
              p.http().maxBytes(),
              p.http().insecure());
      return out.withHttp(h);
    }
    Integer cap = null;
    if (!maxRows.getText().isBlank()) {
      try {
        cap = Integer.valueOf(maxRows.getText().strip().replace(",", "").replace("_", ""));
      } catch (NumberFormatException e) {
        problems.add(
            new Problem("sql.maxRows", "'" + maxRows.getText() + "' is not a whole number"));
      }
    }
    Map<String, Object> paramMap = Map.of();
    if (!params.getText().isBlank()) {
      try {
        paramMap =
            YAML.readValue(params.getText(), new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (java.io.IOException | RuntimeException e) {
        problems.add(new Problem("sql.params", "write parameters as name: value lines"));
      }
    }
    var s =
        new SqlQuerySpec(
            connection.getValue(),
            sql.getText(),
            paramMap,
            cap,
            duration(sqlTimeout.getText(), "sql.timeout", problems),
            allowWrites.isSelected() ? Boolean.TRUE : null);
    return out.withSql(s);
  }

  private BodySpec body(List<Problem> problems) {
    String kind = bodyKind.getValue();
    if (kind == null || kind.equals(NO_BODY)) {
      return null;
    }
    return switch (kind) {
      case "json" -> {
        try {
          JsonNode node = JSON.readTree(body.getText().isBlank() ? "{}" : body.getText());
          yield BodySpec.json(node);
        } catch (java.io.IOException e) {
          problems.add(new Problem("http.body", "not valid JSON: " + firstLine(e.getMessage())));
          yield null;
        }
      }
      case "form" -> BodySpec.form(pairs(body.getText(), "=", "http.body", problems));
      default -> BodySpec.text(null, body.getText());
    };
  }

  private AuthSpec auth() {
    String kind = authKind.getValue();
    if ("basic".equals(kind)) {
      return AuthSpec.basic(authUser.getText().strip(), blankToNull(authSecret.getText()));
    }
    if ("bearer".equals(kind)) {
      return AuthSpec.bearer(authSecret.getText().strip());
    }
    return null;
  }

  private void loadBody(BodySpec b) {
    if (b == null) {
      bodyKind.setValue(NO_BODY);
      body.setText("");
    } else if (b.json() != null) {
      bodyKind.setValue("json");
      body.setText(b.json().toPrettyString());
    } else if (b.form() != null) {
      bodyKind.setValue("form");
      body.setText(lines(b.form(), "="));
    } else {
      bodyKind.setValue("text");
      body.setText(b.text() == null ? "" : b.text());
    }
  }

  private void loadAuth(AuthSpec a) {
    if (a == null) {
      authKind.setValue("none");
      authUser.setText("");
      authSecret.setText("");
    } else if (a.basic() != null) {
      authKind.setValue("basic");
      authUser.setText(a.basic().user());
      authSecret.setText(a.basic().password() == null ? "" : a.basic().password());
    } else {
      authKind.setValue("bearer");
      authUser.setText("");
      authSecret.setText(a.bearer());
    }
  }

  private List<Check> checks(List<Problem> problems) {
    if (checks.getText().isBlank()) {
      return List.of();
    }
    try {
      List<Check> list = YAML.readValue(checks.getText(), new TypeReference<List<Check>>() {});
      return list == null ? List.of() : list;
    } catch (java.io.IOException | RuntimeException e) {
      problems.add(
          new Problem(
              "checks",
              "write checks as a YAML list, e.g. - status: 200 ("
                  + firstLine(e.getMessage())
                  + ")"));
      return List.of();
    }
  }

  private static Duration duration(String text, String field, List<Problem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, e.getMessage()));
      return null;
    }
  }

  private static Map<String, String> pairs(
      String text, String sep, String field, List<Problem> problems) {
    var out = new LinkedHashMap<String, String>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int at = line.indexOf(sep);
      if (at <= 0) {
        problems.add(
            new Problem(
                field, "write one “name" + sep.strip() + " value” per line: " + line.strip()));
        continue;
      }
      out.put(line.substring(0, at).strip(), line.substring(at + sep.length()).strip());
    }
    return out;
  }

  private static String lines(Map<String, String> map, String sep) {
    var sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(k).append(sep).append(v).append('\n'));
    return sb.toString().stripTrailing();
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value).stripTrailing();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static TextArea area(int rows) {
    var a = new TextArea();
    a.setPrefRowCount(rows);
    a.setWrapText(false);
    a.getStyleClass().add("mono");
    return a;
  }

  private static int add(GridPane grid, int row, String label, Node field, Label... errorLabels) {
    var l = new Label(label);
    l.getStyleClass().add("field-label");
    // Labels keep their full text; the field beside them gives way instead.
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    var box = new VBox(2, field);
    box.getChildren().addAll(errorLabels);
    GridPane.setHgrow(box, Priority.ALWAYS);
    grid.add(l, 0, row);
    grid.add(box, 1, row);
    return row + 1;
  }
}
