package dev.fetchboard.ui;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven through its controls (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  /** Records where source work ran, to prove it never runs on the FX thread. */
  static final List<String> SOURCE_THREADS = new CopyOnWriteArrayList<>();

  private TestHttpServer server;
  private Engine engine;
  private WorkspaceViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) throws Exception {
    server = new TestHttpServer();
    server.respond(
        "/items", 200, "application/json", "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]");
    server.handle(
        "/slow",
        ex -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          TestHttpServer.send(ex, 200, "text/plain", "late");
        });
    Source recording =
        new Source() {
          private final HttpSource http = new HttpSource();

          @Override
          public boolean handles(SourceSpec spec) {
            return http.handles(spec);
          }

          @Override
          public SourceOutput run(PanelSpec panel, RunContext context) throws Exception {
            SOURCE_THREADS.add(
                (Platform.isFxApplicationThread() ? "FX:" : "") + Thread.currentThread().getName());
            return http.run(panel, context);
          }

          @Override
          public String limitKey(PanelSpec panel) {
            return http.limitKey(panel);
          }

          @Override
          public Duration timeout(PanelSpec panel) {
            return http.timeout(panel);
          }
        };
    engine =
        new Engine(
            EngineConfig.DEFAULT,
            List.of(recording, new SqlSource(null, Map.of(), Path.of("/nonexistent"))));
    var dispatcher = new UiDispatcher();
    model = new WorkspaceViewModel(engine, dispatcher);
    window =
        new MainWindow(
            model, dispatcher, spec -> new ConnectionCheck(true, "test", Duration.ZERO, "ok"));
    var scene = new Scene(window, 1200, 800);
    scene.getStylesheets().add(FetchboardApp.class.getResource("fetchboard.css").toExternalForm());
    window.installShortcuts(scene);
    window.bindTitle(stage);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void tearDown() {
    engine.close();
    server.close();
  }

  private PanelViewModel panel(String id) {
    return model.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anHttpPanelAddedThroughTheFormRunsAgainstALocalServer(FxRobot robot) throws Exception {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText(server.url("/items")));
    Button run = robot.lookup("#run-panel").queryButton();
    assertThat(run.isDisabled()).isFalse();
    robot.clickOn(run);
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil("the panel shows its result", () -> vm.state() == PanelState.OK);
    assertThat(vm.detailProperty().get()).contains("200").contains("2 rows");
    assertThat(model.workspace().panel(vm.id()).orElseThrow().asHttp().orElseThrow().url())
        .as("the form's edit is in the workspace")
        .isEqualTo(server.url("/items"));
    assertThat(robot.lookup(".tile").queryAllAs(javafx.scene.Node.class))
        .as("the tile shows the state as its :state-ok pseudo-class")
        .anyMatch(
            t ->
                t.getPseudoClassStates()
                    .contains(javafx.css.PseudoClass.getPseudoClass("state-ok")));
  }

  @Test
  void anIdleWindowLetsTheFxThreadRestAndARunWakesItsFrames(FxRobot robot) throws Exception {
    waitUntil("frames stop once nothing is pending", () -> !window.framesRunning());
    long before = window.framesRun();
    Thread.sleep(2_000);
    // The frame timer used to run sixty times a second for nothing, keeping the FX thread busy.
    assertThat(window.framesRun() - before).as("frames run in 2 s of idling").isZero();

    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText(server.url("/items")));
    robot.clickOn(robot.lookup("#run-panel").queryButton());
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil("the run's result reaches the tile", () -> vm.state() == PanelState.OK);
    waitUntil("frames stop again afterwards", () -> !window.framesRunning());
  }

  @Test
  void onlyTilesOnScreenAreInTheSceneAndScrollingBringsTheOthersIn(FxRobot robot) throws Exception {
    var many = new java.util.ArrayList<PanelSpec>();
    for (int i = 0; i < 80; i++) {
      many.add(Panels.get("p" + i, server.url("/items?p=" + i)));
    }
    FxWait.open(model, Workspace.named("w").withPanels(many));
    waitUntil("the first tiles are in", () -> tileIds(robot).contains("p0"));
    assertThat(robot.lookup(".tile-slot").queryAll()).as("every panel keeps a place").hasSize(80);
    assertThat(tileIds(robot))
        .as("tiles far below the viewport are not in the scene")
        .doesNotContain("p79")
        .hasSizeLessThan(40);
    var dashboard = robot.lookup(".dashboard").queryAs(javafx.scene.control.ScrollPane.class);
    robot.interact(() -> dashboard.setVvalue(1));
    waitUntil("the last tile is in", () -> tileIds(robot).contains("p79"));
    assertThat(tileIds(robot)).doesNotContain("p0");
    // A tile coming back shows what happened while it was out.
    robot.interact(() -> model.runAll());
    waitUntil("p0 ran", () -> panel("p0").state() == PanelState.OK);
    robot.interact(() -> dashboard.setVvalue(0));
    waitUntil("the first tile is back", () -> tileIds(robot).contains("p0"));
    var p0 =
        robot.lookup(".tile").queryAllAs(dev.fetchboard.ui.dashboard.TileView.class).stream()
            .filter(t -> t.viewModel().id().equals("p0"))
            .findFirst()
            .orElseThrow();
    assertThat(p0.lookup(".tile-state")).extracting(n -> ((Label) n).getText()).isEqualTo("ok");
  }

  @Test
  void addingAPanelOpensItsFormWithTheKeyboardInTheUrlAndScrollsItsTileIntoView(FxRobot robot)
      throws Exception {
    var many = new java.util.ArrayList<PanelSpec>();
    for (int i = 0; i < 80; i++) {
      many.add(Panels.get("p" + i, server.url("/items?p=" + i)));
    }
    FxWait.open(model, Workspace.named("w").withPanels(many));
    waitUntil("the first tiles are in", () -> tileIds(robot).contains("p0"));

    robot.clickOn("#add-http");
    String added = model.selectedProperty().get().id();
    waitUntil(
        "the new tile, last of 81, is scrolled into the scene",
        () -> tileIds(robot).contains(added));
    var detail =
        robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
            .filter(t -> t.getTabs().stream().anyMatch(tab -> tab.getText().equals("Edit")))
            .findFirst()
            .orElseThrow();
    assertThat(detail.getSelectionModel().getSelectedItem().getText()).isEqualTo("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    waitUntil("the URL field has the keyboard", url::isFocused);
    robot.write("example.com/a");
    assertThat(url.getText()).isEqualTo("https://example.com/a");

    robot.clickOn("#add-sql");
    javafx.scene.Node sqlArea = robot.lookup("#sql").query();
    waitUntil("the SQL has the keyboard", sqlArea::isFocused);
  }

  private static List<String> tileIds(FxRobot robot) {
    return robot.lookup(".tile").queryAllAs(dev.fetchboard.ui.dashboard.TileView.class).stream()
        .map(t -> t.viewModel().id())
        .toList();
  }

  @Test
  void aBadUrlIsShownAtTheFieldAndRunSaysWhyItIsDisabled(FxRobot robot) {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText("ftp://example.com/file"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(
            robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .filter(Label::isVisible)
                .map(Label::getText))
        .anyMatch(t -> t.contains("only http and https URLs are supported"));
    Button run = robot.lookup("#run-panel").queryButton();
    assertThat(run.isDisabled()).isTrue();
    assertThat(run.getTooltip().getText()).startsWith("Fix first:").contains("http.url");
  }

  @Test
  void stopAllCancelsRunningPanels(FxRobot robot) throws Exception {
    FxWait.open(
        model, Workspace.named("w").withPanels(List.of(Panels.get("slow", server.url("/slow")))));
    robot.clickOn("#run-all");
    waitUntil("the panel runs", () -> panel("slow").state() == PanelState.RUNNING);
    long t0 = System.nanoTime();
    robot.clickOn("#stop-all");
    waitUntil("the panel is cancelled", () -> panel("slow").state() == PanelState.CANCELLED);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2000);
  }

  @Test
  void oneSlowPanelDoesNotHoldUpTheOthersOrTheFxThread(FxRobot robot) throws Exception {
    SOURCE_THREADS.clear();
    FxWait.open(
        model,
        Workspace.named("w")
            .withPanels(
                List.of(
                    Panels.get("slow", server.url("/slow")),
                    Panels.get("fast", server.url("/items")))));
    robot.clickOn("#run-all");
    waitUntil("the fast panel is done", () -> panel("fast").state() == PanelState.OK);
    assertThat(panel("slow").state()).isEqualTo(PanelState.RUNNING);
    // The FX thread keeps answering while the slow one runs.
    long t0 = System.nanoTime();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
    assertThat(SOURCE_THREADS).isNotEmpty().noneMatch(name -> name.startsWith("FX:"));
  }

  @Test
  void rowsOfASqlQueryStreamIntoTheTableWhileItRuns(FxRobot robot) throws Exception {
    var ws =
        TestDatabase.sqlWorkspace(
            "select g, case when g = 20000 then pg_sleep(3) end as pause"
                + " from generate_series(1, 30000) g");
    FxWait.open(model, ws);
    PanelViewModel vm = panel("rows");
    var table = robot.lookup(".result-table").queryTableView();
    // Recorded on the FX thread as rows are appended, so no polling can miss the moment.
    var rowsWhileRunning = new java.util.concurrent.atomic.AtomicInteger();
    robot.interact(
        () ->
            table
                .getItems()
                .addListener(
                    (javafx.collections.ListChangeListener<Object>)
                        c -> {
                          if (vm.state() == PanelState.RUNNING) {
                            rowsWhileRunning.accumulateAndGet(table.getItems().size(), Math::max);
                          }
                        }));
    robot.clickOn("#run-all");
    // Read on the FX thread: the scene graph changes while rows arrive.
    FxWait.waitUntilOnFx(
        "every row is in the table and the run is done",
        () -> table.getItems().size() == 30000 && vm.state() == PanelState.OK);
    assertThat(rowsWhileRunning.get())
        .as("rows were in the table while the query was still running")
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void filterCopyAndExportWorkOnTheResultRows(FxRobot robot) throws Exception {
    var ws =
        TestDatabase.sqlWorkspace(
            "select g as id, 'name ' || g as name from generate_series(1, 2000) g");
    FxWait.open(model, ws);
    robot.clickOn("#run-all");
    waitUntil(
        "rows are loaded",
        () -> robot.lookup(".result-table").queryTableView().getItems().size() == 2000);
    TextField filter = robot.lookup("#filter").queryAs(TextField.class);
    robot.interact(() -> filter.setText("name 199"));
    var tableView = robot.lookup(".result-table").queryTableView();
    // "name 199" and "name 1990".."name 1999", worked out on a worker thread
    waitUntil("the filter is applied", () -> tableView.getItems().size() == 11);
    assertThat(robot.lookup("#row-counts").queryLabeled().getText()).isEqualTo("11 of 2,000 rows");
    var resultTable =
        robot.lookup(".result-table").queryAs(dev.fetchboard.ui.result.ResultTableView.class);
    robot.interact(() -> resultTable.getSelectionModel().selectFirst());
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = resultTable.copySelection(true));
    assertThat(copied[0]).isEqualTo("id\tname\n199\tname 199\n");
    Path csv = java.nio.file.Files.createTempFile("export", ".csv");
    var pane = (dev.fetchboard.ui.result.ResultPane) robot.lookup(".result-pane").query();
    var task = WaitForAsyncUtils.asyncFx(() -> pane.exportTo(csv)).get();
    waitUntil("the export finishes", task::isDone);
    var lines = java.nio.file.Files.readAllLines(csv);
    assertThat(lines).hasSize(2001).startsWith("id,name", "1,name 1");
    java.nio.file.Files.deleteIfExists(csv);
  }

  @Test
  void aResultBiggerThanAPageIsPagedAndSortedWholeOffTheFxThread(FxRobot robot) throws Exception {
    runSeries(robot, 250_000, 300_000);
    var table =
        robot.lookup(".result-table").queryAs(dev.fetchboard.ui.result.ResultTableView.class);
    waitUntil("the first page is full", () -> table.getItems().size() == 100_000);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#row-counts").queryLabeled().getText()).isEqualTo("250,000 rows");
    assertThat(robot.lookup("#page-range").queryLabeled().getText()).isEqualTo("1–100,000 shown");
    robot.clickOn("#next-page");
    robot.clickOn("#next-page");
    waitUntil("the last page has the last rows", () -> table.getItems().size() == 50_000);
    assertThat(table.getItems().getFirst()[0]).isEqualTo(200_001L);
    assertThat(robot.lookup("#next-page").queryButton().isDisabled()).isTrue();
    // Sorting descending puts the biggest id first: the whole result is sorted, not the page.
    sortFirstColumnDescending(robot, table);
    FxWait.waitUntilOnFx(
        "the sorted result's first page is shown",
        () -> !table.ordering() && table.getItems().getFirst()[0].equals(250_000L));
    assertThat(FxWait.onFx(() -> table.getItems().size())).isEqualTo(100_000);
    assertThat(FxWait.onFx(() -> table.getItems().get(99_999)[0])).isEqualTo(150_001L);
    assertThat(robot.lookup("#page-range").queryLabeled().getText()).isEqualTo("1–100,000 shown");
  }

  /** Opens a workspace whose panel "rows" selects ids 1..{@code n}, capped, and runs it. */
  private void runSeries(FxRobot robot, int n, int cap) throws Exception {
    FxWait.open(
        model,
        TestDatabase.sqlWorkspace(
            SqlQuerySpec.of("db", "select g as id from generate_series(1, " + n + ") g")
                .withMaxRows(cap)));
    robot.clickOn("#run-all");
    waitUntil("the run finishes", () -> panel("rows").state() == PanelState.OK);
  }

  /** Sorts by the first column, biggest first, as a click on its header twice would. */
  private static void sortFirstColumnDescending(
      FxRobot robot, dev.fetchboard.ui.result.ResultTableView table) {
    robot.interact(
        () -> {
          var first = table.getColumns().getFirst();
          first.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
          table.getSortOrder().setAll(List.of(first));
        });
  }

  @Test
  void aSortIsKeptWhenThePanelRunsAgain(FxRobot robot) throws Exception {
    FxWait.open(
        model, Workspace.named("w").withPanels(List.of(Panels.get("items", server.url("/items")))));
    robot.interact(() -> model.selectedProperty().set(panel("items")));
    robot.interact(() -> model.runAll());
    FxWait.waitUntilOnFx("the first run is done", () -> panel("items").history().size() == 1);
    var table =
        robot.lookup(".result-table").queryAs(dev.fetchboard.ui.result.ResultTableView.class);
    FxWait.waitUntilOnFx("the rows are shown", () -> table.getItems().size() == 2);
    sortFirstColumnDescending(robot, table);
    FxWait.waitUntilOnFx(
        "sorted by id, descending", () -> table.getItems().getFirst()[0].equals(2L));
    var first = FxWait.onFx(table::shownTable);
    robot.interact(() -> model.runAll());
    FxWait.waitUntilOnFx("the second run is done", () -> panel("items").history().size() == 2);
    FxWait.waitUntilOnFx(
        "the new result is shown, sorted",
        () ->
            table.shownTable() != first
                && !table.ordering()
                && table.getItems().size() == 2
                && table.getItems().getFirst()[0].equals(2L));
    assertThat(FxWait.onFx(() -> table.getSortOrder().size())).isEqualTo(1);
  }

  @Test
  void exportWritesTheWholeResultEvenWhenTheTableWasCapped(FxRobot robot) throws Exception {
    runSeries(robot, 5000, 300);
    waitUntil(
        "the table holds the capped 300 rows",
        () -> robot.lookup(".result-table").queryTableView().getItems().size() == 300);
    Path csv = java.nio.file.Files.createTempFile("export-all", ".csv");
    var pane = (dev.fetchboard.ui.result.ResultPane) robot.lookup(".result-pane").query();
    var task = WaitForAsyncUtils.asyncFx(() -> pane.exportTo(csv)).get();
    waitUntil("the export finishes", task::isDone);
    assertThat(WaitForAsyncUtils.asyncFx(task::getValue).get()).isEqualTo(5000L);
    var lines = java.nio.file.Files.readAllLines(csv);
    assertThat(lines).hasSize(5001).startsWith("id", "1", "2").endsWith("5000");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#row-counts").queryLabeled().getText())
        .contains("exported 5,000 rows")
        .contains("the whole result");
    java.nio.file.Files.deleteIfExists(csv);
  }

  @Test
  void aPanelThatSkipsCertificateChecksIsMarkedOnItsTile(FxRobot robot) throws Exception {
    var secure = PanelSpec.http("secure", "secure", HttpRequestSpec.get("https://127.0.0.1:1/"));
    var get = HttpRequestSpec.get("https://127.0.0.1:1/");
    var insecureSpec =
        new HttpRequestSpec(
            get.method(),
            get.url(),
            get.query(),
            get.headers(),
            get.body(),
            get.auth(),
            get.timeout(),
            get.followRedirects(),
            get.retries(),
            get.maxBytes(),
            true);
    FxWait.open(
        model,
        Workspace.named("tls")
            .withPanels(List.of(secure, PanelSpec.http("lax", "lax", insecureSpec))));
    var marks =
        robot.lookup(".tile-insecure").queryAllAs(javafx.scene.Node.class).stream()
            .filter(javafx.scene.Node::isVisible)
            .toList();
    assertThat(marks).hasSize(1);
    assertThat(((dev.fetchboard.ui.dashboard.TileView) marks.getFirst().getParent().getParent()))
        .extracting(t -> t.viewModel().id())
        .isEqualTo("lax");
    // The form shows the choice and can take it back; the mark goes with it.
    robot.interact(() -> model.selectedProperty().set(panel("lax")));
    robot.clickOn("Edit");
    var box = robot.lookup("#insecure").queryAs(javafx.scene.control.CheckBox.class);
    assertThat(box.isSelected()).isTrue();
    robot.interact(() -> box.setSelected(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.workspace().panel("lax").orElseThrow().asHttp().orElseThrow().insecure())
        .isNull();
    assertThat(marks.getFirst().isVisible()).isFalse();
  }

  @Test
  void aCurlCommandPastedIntoTheUrlFieldBecomesTheRequest(FxRobot robot) throws Exception {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    String curl =
        "curl -X POST '" + server.url("/items") + "' -H 'X-Trace: t1' -d '{\"a\":1}' --compressed";
    robot.interact(() -> url.setText(curl));
    WaitForAsyncUtils.waitForFxEvents();
    PanelViewModel vm = model.selectedProperty().get();
    waitUntil(
        "the request is taken from the command",
        () -> "POST".equals(vm.spec().asHttp().orElseThrow().method()));
    assertThat(vm.spec().asHttp().orElseThrow().url()).isEqualTo(server.url("/items"));
    assertThat(vm.spec().asHttp().orElseThrow().headers()).containsEntry("X-Trace", "t1");
    assertThat(robot.lookup("#url").queryAs(TextField.class).getText())
        .isEqualTo(server.url("/items"));
  }

  @Test
  void checksWrittenInTheFormAreValidatedAsYaml(FxRobot robot) {
    robot.clickOn("#add-http");
    robot.clickOn("Edit");
    TextField url = robot.lookup("#url").queryAs(TextField.class);
    robot.interact(() -> url.setText(server.url("/items")));
    TextArea checks =
        robot.lookup(".text-area").queryAllAs(TextArea.class).stream()
            .filter(a -> a.getPromptText() != null && a.getPromptText().contains("latencyUnder"))
            .findFirst()
            .orElseThrow();
    robot.interact(() -> checks.setText("- status: [200"));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isTrue();
    robot.interact(() -> checks.setText("- status: 200\n- latencyUnder: 2s"));
    assertThat(robot.lookup("#run-panel").queryButton().isDisabled()).isFalse();
    assertThat(model.selectedProperty().get().spec().checks()).hasSize(2);
  }

  @Test
  void aCorruptFileIsReportedPlainlyAndLeftUntouched(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path corrupt = dir.resolve("broken.yaml");
    Files.writeString(corrupt, "fetchboard: 1\npanels: [ {id: a, http: \n");
    byte[] before = Files.readAllBytes(corrupt);
    String expected;
    try {
      new WorkspaceFile().read(corrupt);
      throw new AssertionError("the file was meant to be corrupt");
    } catch (WorkspaceException e) {
      expected = e.getMessage();
    }
    robot.interact(() -> window.openFile(corrupt));
    waitUntil(
        "the window says it cannot open the file",
        () -> String.valueOf(model.messageProperty().get()).startsWith("Cannot open broken.yaml"));
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(alert.getContentText()).isEqualTo(expected).doesNotContain("\tat ");
    assertThat(model.fileProperty().get())
        .as("Save must not target the bad file")
        .isNotEqualTo(corrupt);
    assertThat(Files.readAllBytes(corrupt)).isEqualTo(before);
    robot.interact(() -> ((Stage) alert.getScene().getWindow()).close());
  }
}
