package dev.fetchboard.ui.dashboard;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.ui.JourneyWindow;
import dev.fetchboard.ui.model.PanelState;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a tile shows of its result (issue 22): a table tile names its columns above the first rows,
 * a raw tile shows the start of the body (HTTP) or the first cells as text (SQL), cut cleanly.
 */
@ExtendWith(ApplicationExtension.class)
class TileContentJourneyTest {
  /** A long text body: words, so a clean cut is one between words. */
  private static final String LONG_TEXT =
      "Shipping is delayed for orders placed during the storm warning. ".repeat(60);

  private TestHttpServer server;
  private JourneyWindow w;

  @Start
  void start(Stage primary) throws Exception {
    server = new TestHttpServer();
    server.respond(
        "/orders",
        200,
        "application/json",
        "[{\"id\":10000,\"customer\":\"Ada\",\"city\":\"Oslo\",\"total\":336.72},"
            + "{\"id\":10001,\"customer\":\"Grace\",\"city\":\"Lisbon\",\"total\":193.1},"
            + "{\"id\":10002,\"customer\":\"Linus\",\"city\":\"Austin\",\"total\":35.92}]");
    server.respond("/slow", 200, "application/json", "{\"slept\":800,\"sample\":true}");
    server.respond("/notes", 200, "text/plain", LONG_TEXT);
    w = new JourneyWindow();
  }

  @AfterEach
  void tearDown() {
    w.close();
    server.close();
  }

  private Path workspace() throws Exception {
    return w.file(
        "tiles.yaml",
        """
        fetchboard: 1
        name: Tiles
        connections:
          db:
            url: %s
        panels:
          - id: orders
            http:
              url: %s
          - id: slow
            http:
              url: %s
            view: raw
          - id: notes
            http:
              url: %s
            view: raw
          - id: people
            sql:
              connection: db
              query: select 1 as id, 'Ada' as name union all select 2, 'Grace' order by 1
          - id: people-raw
            sql:
              connection: db
              query: select 1 as id, 'Ada' as name union all select 2, 'Grace' order by 1
            view: raw
        """
            .formatted(
                TestDatabase.url(),
                server.url("/orders"),
                server.url("/slow"),
                server.url("/notes")));
  }

  private void runAll() throws Exception {
    w.open(workspace());
    w.click("#run-all");
    for (String id : List.of("orders", "slow", "notes", "people", "people-raw")) {
      waitUntil(
          id + " ran",
          () -> w.model.panel(id) != null && w.model.panel(id).state() == PanelState.OK);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Label label(TileView tile, String styleClass) {
    return (Label) tile.lookup("." + styleClass);
  }

  private static String shown(TileView tile) {
    return label(tile, "tile-value").getText();
  }

  @Test
  void aTableTileNamesItsColumnsAboveTheFirstRowsInLine() throws Exception {
    runAll();
    TileView tile = w.tile("orders");
    Label header = label(tile, "tile-table-header");
    assertThat(header).as("the tile has a header line").isNotNull();
    assertThat(header.isVisible()).isTrue();
    String names = header.getText();
    assertThat(names).startsWith("id").contains("customer", "city");
    String firstRow = shown(tile).lines().findFirst().orElseThrow();
    assertThat(firstRow).startsWith("10000").contains("Ada", "Oslo");
    assertThat(firstRow.indexOf("Ada"))
        .as("values stand under their column's name")
        .isEqualTo(names.indexOf("customer"));
    assertThat(firstRow.indexOf("Oslo")).isEqualTo(names.indexOf("city"));

    TileView sql = w.tile("people");
    assertThat(label(sql, "tile-table-header").getText()).startsWith("id").contains("name");
    assertThat(shown(sql)).contains("Ada").contains("Grace");
  }

  @Test
  void aRawTileShowsTheStartOfTheBodyCutCleanly() throws Exception {
    runAll();
    TileView slow = w.tile("slow");
    assertThat(shown(slow)).isEqualTo("{\"slept\":800,\"sample\":true}");
    assertThat(label(slow, "tile-table-header").isVisible()).as("no column names").isFalse();

    String notes = shown(w.tile("notes"));
    assertThat(notes).as("cut, and says so").endsWith("…").hasSizeLessThan(400);
    String kept = notes.substring(0, notes.length() - 1).stripTrailing();
    assertThat(LONG_TEXT).startsWith(kept);
    assertThat(LONG_TEXT.charAt(kept.length()))
        .as("cut between words, not inside one")
        .isIn(' ', '.');

    TileView people = w.tile("people-raw");
    assertThat(label(people, "tile-table-header").isVisible()).isFalse();
    assertThat(shown(people)).startsWith("1").contains("Ada").contains("Grace");
  }
}
