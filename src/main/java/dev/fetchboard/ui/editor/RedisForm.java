package dev.fetchboard.ui.editor;

import dev.fetchboard.interop.RedisCommandLine;
import dev.fetchboard.redis.RedisSettings;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.RedisCommandSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The command of a Redis panel: connection (with "New connection…", whose dialog tests it), the
 * command as redis-cli takes it ({@code HGET user:1 "full name"}, or a whole pasted {@code
 * redis-cli -h … LLEN jobs} line), row cap, timeout and whether it may write.
 */
final class RedisForm implements SourceForm {
  private final WorkspaceViewModel model;
  private final FieldErrors errors;
  private final Runnable newConnection;

  private final ComboBox<String> connection = new ComboBox<>();
  private final Button addConnection = new Button("New connection…");
  private final TextField command = new TextField();
  private final Label fromCli = new Label();
  private final TextField maxRows = new TextField();
  private final TextField timeout = new TextField();
  private final CheckBox allowWrites = new CheckBox("allow writes");
  private boolean loading;

  RedisForm(
      WorkspaceViewModel model, FieldErrors errors, Runnable onChange, Runnable newConnection) {
    this.model = model;
    this.errors = errors;
    this.newConnection = newConnection;
    connection.setId("redis-connection");
    addConnection.setId("redis-new-connection");
    command.setId("redis-command");
    command.setPromptText("LLEN jobs   (or paste a redis-cli … line)");
    command.setPrefColumnCount(40);
    fromCli.getStyleClass().add("field-hint");
    fromCli.setWrapText(true);
    fromCli.managedProperty().bind(fromCli.visibleProperty());
    fromCli.setVisible(false);
    maxRows.setPromptText(String.format("%,d", RedisCommandSpec.DEFAULT_MAX_ROWS));
    timeout.setPromptText("10s");
    allowWrites.setTooltip(
        new Tooltip("Otherwise only commands the server flags read-only run (no KEYS, no FLUSH…)"));
    addConnection.setOnAction(e -> addConnection());
    connection
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!loading) {
                onChange.run();
              }
            });
    command
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (!loading) {
                takeCliLine(b);
                onChange.run();
              }
            });
    maxRows.textProperty().addListener((o, a, b) -> onChange.run());
    timeout.textProperty().addListener((o, a, b) -> onChange.run());
    allowWrites.selectedProperty().addListener((o, a, b) -> onChange.run());
    model.workspaceProperty().addListener((o, a, b) -> connections());
  }

  @Override
  public void load(PanelSpec panel) {
    RedisCommandSpec r = (RedisCommandSpec) panel.source();
    connections();
    loading = true;
    connection.setValue(r.connection());
    command.setText(RedisCommandLine.join(r.command()));
    loading = false;
    fromCli.setVisible(false);
    maxRows.setText(r.maxRows() == null ? "" : r.maxRows().toString());
    timeout.setText(FormValues.format(r.timeout()));
    allowWrites.setSelected(r.writesAllowed());
  }

  @Override
  public int layout(GridPane grid, int row) {
    row =
        FormValues.add(
            grid,
            row,
            "Connection",
            new HBox(6, connection, addConnection),
            errors.label("redis.connection", connection));
    row =
        FormValues.add(
            grid, row, "Command", new VBox(4, command, fromCli), errors.label("redis.command"));
    row =
        FormValues.add(
            grid,
            row,
            "Row cap",
            new HBox(12, maxRows, allowWrites),
            errors.label("redis.maxRows", maxRows));
    return FormValues.add(grid, row, "Timeout", timeout, errors.label("redis.timeout", timeout));
  }

  @Override
  public PanelSpec build(PanelSpec common, List<Problem> problems) {
    List<String> words = List.of();
    try {
      words = RedisCommandLine.split(command.getText());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("redis.command", e.getMessage()));
    }
    var r =
        new RedisCommandSpec(
            connection.getValue(),
            words,
            rowCap(problems),
            FormValues.duration(timeout.getText(), "redis.timeout", problems),
            allowWrites.isSelected() ? Boolean.TRUE : null);
    return common.withSource(r);
  }

  @Override
  public List<Node> buttons() {
    return List.of();
  }

  @Override
  public Node firstField() {
    return command;
  }

  @Override
  public boolean unfilled(Problem p) {
    return p.where().equals("redis.command") && command.getText().isBlank();
  }

  @Override
  public String checksHint() {
    return "- value: { lessThan: 1000 }\n- rowCount: { atLeast: 1 }";
  }

  /**
   * A pasted {@code redis-cli …} line keeps only its command in the field; where it pointed (and
   * what was left out) is said under it, and a connection to that server is picked when one exists.
   */
  private void takeCliLine(String text) {
    String first = text.strip().split("\\s+", 2)[0];
    if (!(first.equals("redis-cli") || first.endsWith("/redis-cli"))) {
      return;
    }
    RedisCommandLine line;
    try {
      line = RedisCommandLine.parse(text);
    } catch (IllegalArgumentException e) {
      return; // still being typed: the split reports it at the field
    }
    var said = new ArrayList<String>();
    if (line.url() != null) {
      String match = connectionFor(line.url());
      if (match != null) {
        connection.setValue(match);
        said.add("from redis-cli: connection '" + match + "' (" + line.url() + ")");
      } else {
        said.add("from redis-cli: " + line.url() + " — add it with New connection…");
      }
    }
    said.addAll(line.notices());
    fromCli.setText(String.join("; ", said));
    fromCli.setVisible(!said.isEmpty());
    String words = RedisCommandLine.join(line.command());
    // Not while the field is still firing the change that brought the line.
    javafx.application.Platform.runLater(
        () -> {
          command.setText(words);
          command.end();
        });
  }

  private String connectionFor(String url) {
    try {
      var wanted = RedisSettings.of(dev.fetchboard.workspace.ConnectionSpec.ofUrl(url));
      for (var e : model.workspace().connections().entrySet()) {
        if (RedisSettings.isRedisUrl(e.getValue().url()) && !e.getValue().url().contains("${")) {
          var s = RedisSettings.of(e.getValue());
          if (s.host().equals(wanted.host())
              && s.port() == wanted.port()
              && s.database() == wanted.database()) {
            return e.getKey();
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // not a URL we can compare: the user picks the connection
    }
    return null;
  }

  private Integer rowCap(List<Problem> problems) {
    String text = maxRows.getText().strip().replace(",", "").replace("_", "");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(
          new Problem("redis.maxRows", "'" + maxRows.getText() + "' is not a whole number"));
      return null;
    }
  }

  private void connections() {
    var names =
        model.workspace().connections().entrySet().stream()
            .filter(e -> RedisSettings.isRedisUrl(e.getValue().url()))
            .map(java.util.Map.Entry::getKey)
            .toList();
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
    connections();
    model.workspace().connections().keySet().stream()
        .filter(name -> !before.contains(name))
        .findFirst()
        .ifPresent(connection::setValue);
  }
}
