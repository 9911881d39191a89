package dev.fetchboard.ui;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel forms, driven through their controls in the real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class EditorFormsTest {
  private static final javafx.css.PseudoClass DANGER = atlantafx.base.theme.Styles.STATE_DANGER;
  private final Map<String, String> received = new ConcurrentHashMap<>();
  private TestHttpServer server;
  private Engine engine;
  private SqlSource sql;
  private WorkspaceViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    server = new TestHttpServer();
    server.handle(
        "/echo",
        ex -> {
          received.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
          ex.getRequestHeaders()
              .forEach((name, values) -> received.put(name.toLowerCase(), values.getFirst()));
          TestHttpServer.send(ex, 200, "application/json", "{\"ok\":true}");
        });
    sql = new SqlSource(null, Map.of(), Path.of("/nonexistent"));
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource(), sql));
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    var window = new MainWindow(model, dispatcher, spec -> sql.testConnection(spec));
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void tearDown() {
    engine.close();
    sql.close();
    server.close();
  }

  @Test
  void headersAndQueryParametersFromTheTablesReachTheServer(FxRobot robot) throws Exception {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText(server.url("/echo")));
    addRow(robot, "query-params", "q", "hello world");
    addRow(robot, "query-params", "limit", "5");
    assertThat(url.getText()).isEqualTo(server.url("/echo") + "?q=hello%20world&limit=5");
    addRow(robot, "headers", "X-Trace", "t-42");
    addRow(robot, "headers", "Authorization", "Bearer ${env:HOME}");
    Node headers = robot.lookup("#headers").query();
    assertThat(visible(headers, ".kv-value-masked"))
        .as("the Authorization value is masked")
        .hasSize(1);
    robot.interact(
        () ->
            ((javafx.scene.control.ButtonBase) visible(headers, ".show-secret").getFirst()).fire());
    assertThat(visible(headers, ".kv-value-masked")).as("Show reveals it").isEmpty();

    robot.clickOn("#run-panel");
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil("the panel shows its result", () -> vm.state() == PanelState.OK);
    assertThat(received)
        .containsEntry("x-trace", "t-42")
        .containsEntry("authorization", "Bearer " + System.getenv("HOME"))
        .containsEntry("query", "q=hello%20world&limit=5");
    var saved = model.workspace().panel(vm.id()).orElseThrow().asHttp().orElseThrow();
    assertThat(saved.url()).isEqualTo(server.url("/echo"));
    assertThat(saved.query())
        .containsExactly(Map.entry("q", "hello world"), Map.entry("limit", "5"));
    assertThat(saved.headers()).containsEntry("Authorization", "Bearer ${env:HOME}");

    // A token typed in clear is refused at its field and never reaches the workspace.
    robot.interact(() -> fields(headers, ".kv-value").getLast().setText("Bearer abc123"));
    assertThat(visibleErrors(robot)).anyMatch(t -> t.contains("${env:API_TOKEN}"));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isTrue();
    assertThat(model.workspace().panel(vm.id()).orElseThrow().asHttp().orElseThrow().headers())
        .containsEntry("Authorization", "Bearer ${env:HOME}");
  }

  @Test
  void aNewHttpFormStartsNeutralAndSaysPlainlyWhatToType(FxRobot robot) {
    robot.clickOn("#add-http");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    assertThat(visibleErrors(robot)).as("nothing is red before the user typed").isEmpty();
    assertThat(url.getPseudoClassStates()).doesNotContain(DANGER);
    Button run = robot.lookup("#run-panel").queryButton();
    assertThat(run.isDisabled()).isTrue();
    assertThat(run.getTooltip().getText())
        .contains("Type a URL such as https://api.example.com/items")
        .doesNotContain("Expected authority");

    robot.interact(() -> url.setText("https://exa mple.com/x"));
    assertThat(visibleErrors(robot))
        .singleElement()
        .asString()
        .contains("https://api.example.com/items")
        .doesNotContain("position")
        .doesNotContain("Illegal character in authority");
    assertThat(url.getPseudoClassStates()).contains(DANGER);
    robot.interact(() -> url.setText(""));
    assertThat(visibleErrors(robot))
        .containsExactly("Type a URL such as https://api.example.com/items");
    robot.interact(() -> url.setText(server.url("/echo")));
    assertThat(visibleErrors(robot)).isEmpty();
    assertThat(run.isDisabled()).isFalse();
  }

  @Test
  void aSqlFormSuggestsSqlChecksWrapsLongLinesAndRunShowsTheResult(FxRobot robot) throws Exception {
    FxWait.open(model, TestDatabase.sqlWorkspace("select 1 as one"));
    robot.clickOn("Edit");
    var checks = robot.lookup("#checks").queryAs(javafx.scene.control.TextArea.class);
    assertThat(checks.getPromptText()).contains("rowCount").doesNotContain("status");
    CodeArea area = robot.lookup("#sql").queryAs(CodeArea.class);
    assertThat(area.isWrapText()).as("long SQL lines wrap").isTrue();
    robot.clickOn("#run-panel");
    var detail =
        robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
            .filter(t -> t.getTabs().stream().anyMatch(tab -> tab.getText().equals("Edit")))
            .findFirst()
            .orElseThrow();
    assertThat(detail.getSelectionModel().getSelectedItem().getText())
        .as("after Run the result is shown")
        .isEqualTo("Result");
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil("the query ran", () -> vm.state() == PanelState.OK);

    robot.clickOn("Edit");
    robot.clickOn("#add-http");
    assertThat(robot.lookup("#checks").queryAs(javafx.scene.control.TextArea.class).getPromptText())
        .contains("status: 200");
  }

  @Test
  void theQueryTableAndTheUrlFollowEachOther(FxRobot robot) {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText("http://127.0.0.1:1/p?a=1&b=x%20y"));
    Node table = robot.lookup("#query-params").query();
    assertThat(fields(table, ".kv-name").stream().map(TextField::getText))
        .containsExactly("a", "b");
    assertThat(fields(table, ".kv-value").stream().map(TextField::getText))
        .containsExactly("1", "x y");

    robot.interact(() -> fields(table, ".kv-value").getLast().setText("z&w"));
    assertThat(url.getText()).isEqualTo("http://127.0.0.1:1/p?a=1&b=z%26w");
    robot.interact(() -> ((Button) table.lookup(".kv-remove")).fire());
    assertThat(url.getText()).isEqualTo("http://127.0.0.1:1/p?b=z%26w");
    robot.interact(() -> fields(table, ".kv-value").getLast().setText("${nope}"));
    assertThat(visibleErrors(robot)).anyMatch(t -> t.startsWith("unknown variable ${nope}"));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isTrue();
    robot.interact(() -> url.setText("http://127.0.0.1:1/p"));
    assertThat(fields(table, ".kv-name")).isEmpty();
    var many = new StringBuilder("http://127.0.0.1:1/p?p0=0");
    for (int i = 1; i <= 100; i++) {
      many.append("&p").append(i).append('=').append(i);
    }
    robot.interact(() -> url.setText(many.toString()));
    assertThat(fields(table, ".kv-name")).hasSize(100);
    assertThat(visibleLabels(robot)).contains("showing the first 100 of 101 rows");
    robot.interact(() -> url.setText("http://127.0.0.1:1/p"));
    assertThat(model.selectedProperty().get().spec().asHttp().orElseThrow().query()).isEmpty();
  }

  @Test
  void aBadHeaderNameIsShownAtTheTableAndDisablesRun(FxRobot robot) {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText(server.url("/echo")));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isFalse();
    addRow(robot, "headers", "Bad Header", "x");
    assertThat(visibleErrors(robot))
        .anyMatch(t -> t.contains("'Bad Header' is not a valid header name"));
    Button run = robot.lookup("#run-panel").queryButton();
    assertThat(run.isDisabled()).isTrue();
    assertThat(run.getTooltip().getText()).startsWith("Fix first:").contains("http.headers");
  }

  @Test
  void theSqlEditorHighlightsAndAParameterFromTheTableIsBound(FxRobot robot) throws Exception {
    FxWait.open(model, TestDatabase.sqlWorkspace("select 1"));
    robot.clickOn("Edit");
    CodeArea area = robot.lookup("#sql").queryAs(CodeArea.class);
    robot.interact(
        () ->
            area.replaceText("select g from generate_series(1, 10) g -- numbers\nwhere g > :min"));
    assertThat(area.getStyleOfChar(1)).contains("keyword");
    assertThat(area.getStyleOfChar(area.getText().indexOf("numbers"))).contains("comment");
    assertThat(area.getStyleOfChar(area.getText().indexOf(":min") + 1)).contains("param");
    assertThat(robot.lookup(".keyword").queryAll()).as("keywords are drawn styled").isNotEmpty();

    assertThat(visibleErrors(robot)).anyMatch(t -> t.contains("the query uses :min"));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isTrue();
    addRow(robot, "sql-params", "min", "7");
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isFalse();
    var connection = robot.lookup("#connection").queryComboBox();
    robot.interact(() -> connection.setValue("gone"));
    assertThat(visibleErrors(robot)).anyMatch(t -> t.startsWith("no connection named 'gone'"));
    assertThat(connection.getPseudoClassStates()).as("the field is marked").contains(DANGER);
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isTrue();
    robot.interact(() -> connection.setValue("db"));
    assertThat(connection.getPseudoClassStates()).doesNotContain(DANGER);
    // Ctrl+Enter in the SQL editor runs the panel (and adds no line break).
    robot.clickOn(area);
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil("the query ran", () -> vm.state() == PanelState.OK);
    assertThat(robot.lookup(".result-table").queryTableView().getItems()).hasSize(3);
    assertThat(area.getText()).endsWith("where g > :min");
    assertThat(model.workspace().panel("rows").orElseThrow().asSql().orElseThrow().params())
        .containsEntry("min", 7);
  }

  @Test
  void longSqlIsHighlightedAfterAPauseAndVeryLongSqlNotAtAll(FxRobot robot) throws Exception {
    FxWait.open(model, TestDatabase.sqlWorkspace("select 1"));
    robot.clickOn("Edit");
    CodeArea area = robot.lookup("#sql").queryAs(CodeArea.class);
    String longSql = "select 1 as x\n".repeat(2_000) + "from t";
    robot.interact(() -> area.replaceText(longSql));
    waitUntil(
        "the last keyword is highlighted",
        () -> area.getStyleOfChar(longSql.length() - 5).contains("keyword"));

    String huge = "select 1;\n".repeat(60_000);
    robot.interact(() -> area.replaceText(huge));
    assertThat(area.getStyleOfChar(1)).isEmpty();
    assertThat(visibleLabels(robot)).anyMatch(t -> t.startsWith("Highlighting is off"));
  }

  @Test
  void theConnectionTestReportsSuccessFailureAndCanBeCancelled(FxRobot robot) throws Exception {
    FxWait.open(model, TestDatabase.sqlWorkspace("select 1"));
    robot.clickOn("Edit");
    robot.clickOn("#new-connection");
    TextField url = robot.lookup("#connection-url").queryAs(TextField.class);
    Label outcome = robot.lookup("#test-outcome").queryAs(Label.class);

    robot.interact(() -> url.setText(TestDatabase.url()));
    robot.clickOn("#test-connection");
    waitUntil("the test succeeds", () -> outcome.getText().startsWith("✔"));
    assertThat(outcome.getText()).contains("PostgreSQL");

    int closed;
    try (var s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    robot.interact(() -> url.setText("postgresql://postgres@127.0.0.1:" + closed + "/postgres"));
    robot.clickOn("#test-connection");
    waitUntil("the test fails", () -> outcome.getText().startsWith("✘"));
    assertThat(outcome.getText()).contains("connection refused");

    // A server that accepts and never answers: the window stays responsive, and Cancel ends it.
    var accepted = new CopyOnWriteArrayList<Socket>();
    try (var silent = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (java.io.IOException e) {
                  // closed at the end of the test
                }
              });
      robot.interact(
          () ->
              url.setText(
                  "postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/postgres"));
      robot.clickOn("#test-connection");
      waitUntil("the server has the connection", () -> !accepted.isEmpty());
      long t0 = System.nanoTime();
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
      assertThat(outcome.getText()).isEqualTo("Connecting…");
      robot.clickOn("#cancel-test");
      assertThat(outcome.getText()).isEqualTo("Test cancelled.");
      assertThat(robot.lookup("#test-connection").queryButton().isDisabled()).isFalse();
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }

    robot.interact(() -> url.setText(TestDatabase.url()));
    robot.interact(() -> robot.lookup("#connection-name").queryAs(TextField.class).setText("db2"));
    TextField password = robot.lookup("#connection-password").queryAs(TextField.class);
    robot.interact(() -> password.setText("hunter2"));
    robot.clickOn("OK");
    assertThat(outcome.getText())
        .as("a password in clear is refused")
        .contains("${env:DB_PASSWORD}");
    assertThat(model.workspace().connections()).doesNotContainKey("db2");
    robot.interact(() -> password.setText(""));
    robot.clickOn("OK");
    assertThat(model.workspace().connections()).containsKey("db2");
    assertThat(model.selectedProperty().get().spec().asSql().orElseThrow().connection())
        .as("the new connection is picked for the panel")
        .isEqualTo("db2");
  }

  /** Presses the table's Add and types into the new row. */
  private static void addRow(FxRobot robot, String table, String name, String value) {
    Node t = robot.lookup("#" + table).query();
    robot.interact(() -> ((Button) t.lookup(".kv-add")).fire());
    robot.interact(() -> fields(t, ".kv-name").getLast().setText(name));
    robot.interact(() -> fields(t, ".kv-value").getLast().setText(value));
  }

  private static List<TextField> fields(Node parent, String selector) {
    return parent.lookupAll(selector).stream().map(TextField.class::cast).toList();
  }

  private static List<Node> visible(Node parent, String selector) {
    return parent.lookupAll(selector).stream().filter(Node::isVisible).toList();
  }

  private static List<String> visibleErrors(FxRobot robot) {
    return robot.lookup(".field-error").queryAllAs(Label.class).stream()
        .filter(Label::isVisible)
        .map(Label::getText)
        .toList();
  }

  private static List<String> visibleLabels(FxRobot robot) {
    return robot.lookup(".label").queryAllAs(Label.class).stream()
        .filter(Label::isVisible)
        .map(Label::getText)
        .toList();
  }
}
