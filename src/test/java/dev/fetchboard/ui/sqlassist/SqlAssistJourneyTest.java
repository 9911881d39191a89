package dev.fetchboard.ui.sqlassist;

import static dev.fetchboard.testing.FxWait.onFx;
import static dev.fetchboard.testing.FxWait.waitUntil;
import static dev.fetchboard.testing.FxWait.waitUntilOnFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.sql.assist.Suggestion;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.ui.FetchboardApp;
import dev.fetchboard.ui.MainWindow;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SQL editor's assist in the real window, on a copy of the sample's customers and orders. */
@ExtendWith(ApplicationExtension.class)
class SqlAssistJourneyTest {
  private Engine engine;
  private SqlSource sql;
  private WorkspaceViewModel model;

  @BeforeAll
  static void sampleTables() throws Exception {
    try (var c = TestDatabase.connect();
        var s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'assist_shop'")) {
      if (rs.next()) {
        return;
      }
    }
    TestDatabase.execute("create database assist_shop");
    try (var c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:"
                    + TestDatabase.port()
                    + "/assist_shop?user=postgres");
        var s = c.createStatement()) {
      // The sample's own two tables (SampleDatabase), without their rows.
      s.execute(
          "create table customers (id int primary key, name text not null, email text not null,"
              + " city text not null, created_at timestamptz not null)");
      s.execute(
          "create table orders (id bigint primary key, customer_id int not null, product_id int"
              + " not null, quantity int not null, total numeric(12,2) not null, status text not"
              + " null, created_at timestamptz not null)");
    }
  }

  @Start
  void start(Stage stage) {
    sql = new SqlSource(null, Map.of(), Path.of("/nonexistent"));
    engine = new Engine(EngineConfig.DEFAULT, List.of(new HttpSource(), sql));
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    var window = new MainWindow(model, dispatcher, spec -> sql.testConnection(spec));
    var scene = new Scene(window, 1300, 850);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void tearDown() {
    engine.close();
    sql.close();
  }

  private CodeArea openEditor(FxRobot robot, String query) {
    Workspace ws =
        Workspace.named("assist")
            .withConnections(
                Map.of(
                    "sample",
                    ConnectionSpec.ofUrl(
                        "postgresql://postgres@127.0.0.1:" + TestDatabase.port() + "/assist_shop")))
            .withPanels(
                List.of(PanelSpec.sql("top", "Top customers", SqlQuerySpec.of("sample", query))));
    FxWait.open(model, ws);
    robot.clickOn("Edit");
    return robot.lookup("#sql").queryAs(CodeArea.class);
  }

  @SuppressWarnings("unchecked")
  private static ListView<Suggestion> completions(FxRobot robot) {
    return robot.lookup("#sql-completions").tryQueryAs(ListView.class).orElse(null);
  }

  @Test
  void typingSelectCDotOffersTheCustomersColumns(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "\nfrom orders o join customers c on c.id = o.customer_id");
    robot.interact(
        () -> {
          area.requestFocus();
          area.moveTo(0);
        });
    robot.write("select c.");
    waitUntilOnFx(
        "the customers' columns are offered",
        () -> {
          ListView<Suggestion> list = completions(robot);
          return list != null
              && list.getScene().getWindow().isShowing()
              && list.getItems().stream()
                  .map(Suggestion::label)
                  .toList()
                  .equals(List.of("id", "name", "email", "city", "created_at"));
        });
    robot.type(KeyCode.DOWN, KeyCode.ENTER);
    waitUntilOnFx(
        "the chosen column is inserted", () -> area.getText().startsWith("select c.name\n"));
  }

  @Test
  void aTypoIsUnderlinedBeforeRun(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "select 1");
    robot.interact(() -> area.replaceText("selec 1"));
    waitUntilOnFx("'selec' is underlined", () -> area.getStyleOfChar(2).contains("sql-error"));
    Label message = robot.lookup("#sql-check").queryAs(Label.class);
    assertThat(onFx(message::getText))
        .isEqualTo("line 1, column 1: 'selec' is not a SQL command; did you mean select?");
    assertThat(onFx(() -> area.getStyleOfChar(6).contains("sql-error"))).isFalse();
    robot.interact(() -> area.replaceText("select 1"));
    waitUntilOnFx("the underline goes once fixed", () -> message.getText().isEmpty());
  }

  @Test
  void withTheSchemaLoadedAMisspelledColumnIsUnderlined(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "select 1");
    robot.interact(area::requestFocus);
    robot.interact(() -> area.replaceText("select c.nmae from customers c"));
    waitUntilOnFx(
        "the misspelled column is underlined",
        () -> area.getStyleOfChar("select c.n".length()).contains("sql-error"));
  }

  @Test
  void checkOnServerGivesTheServersVerdict(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "select nmae from customers");
    robot.clickOn("#check-on-server");
    Label message = robot.lookup("#sql-check").queryAs(Label.class);
    waitUntilOnFx(
        "the server's verdict is shown",
        () -> message.getText().equals("line 1, column 8: column \"nmae\" does not exist"));
    robot.interact(() -> area.replaceText("select name from customers"));
    robot.clickOn("#check-on-server");
    Label info = robot.lookup("#sql-assist-info").queryAs(Label.class);
    waitUntilOnFx(
        "the server accepts it", () -> info.getText().equals("the server accepts this SQL"));
  }

  @Test
  void formatKeepsParametersAndRefusesCommentedSql(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "select id, name from customers where city = :city");
    robot.interact(area::requestFocus);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F)
        .release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntilOnFx(
        "the SQL is formatted",
        () -> area.getText().contains("\n") && area.getText().contains(":city"));
    robot.interact(() -> area.replaceText("select 1 -- one"));
    robot.clickOn("#format-sql");
    Label info = robot.lookup("#sql-assist-info").queryAs(Label.class);
    waitUntilOnFx("it says why not", () -> info.getText().contains("comments"));
    String after = onFx(area::getText);
    assertThat(after).isEqualTo("select 1 -- one");
  }

  @Test
  void theSchemaBrowserListsTablesAndInsertsANameOnDoubleClick(FxRobot robot) throws Exception {
    CodeArea area = openEditor(robot, "select * from ");
    waitUntil(
        "the browser shows customers",
        () ->
            robot
                .lookup(
                    n ->
                        n instanceof javafx.scene.control.TreeCell<?> cell
                            && cell.getText() != null
                            && cell.getText().equals("customers"))
                .tryQuery()
                .isPresent());
    robot.interact(() -> area.moveTo(area.getLength()));
    robot.doubleClickOn(
        robot
            .lookup(
                n ->
                    n instanceof javafx.scene.control.TreeCell<?> cell
                        && "customers".equals(cell.getText()))
            .queryAs(javafx.scene.Node.class));
    waitUntilOnFx("the name is inserted", () -> area.getText().equals("select * from customers"));
  }
}
