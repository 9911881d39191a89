package dev.fetchboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.testing.FxWait;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.ui.model.PanelState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar during a big streaming query (issue 22 item 6): its rows per second are the rows
 * arriving, not a few dozen while half a million stream in.
 */
@ExtendWith(ApplicationExtension.class)
class StreamingRatesJourneyTest {
  private static final Pattern ROWS_PER_SECOND = Pattern.compile("([\\d,]+) rows/s");
  private static final int ROWS = 530_000;

  private JourneyWindow w;

  @Start
  void start(Stage primary) throws Exception {
    w = new JourneyWindow();
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void rowsPerSecondDuringABigStreamingQueryCountTheRowsArriving() throws Exception {
    var file =
        w.file(
            "big.yaml",
            """
            fetchboard: 1
            name: Big
            connections:
              db:
                url: %s
            panels:
              - id: big
                sql:
                  connection: db
                  query: >-
                    select g, md5(g::text) as hash,
                      case when g = %d then pg_sleep(2) end as pause
                    from generate_series(1, %d) g
                  maxRows: 1000000
            """
                .formatted(TestDatabase.url(), ROWS / 2, ROWS));
    w.open(file);
    var rates = w.robot.from(w.window).lookup("#status-rates").queryAs(Label.class);
    // Every figure the status bar shows while the query runs, recorded on the FX thread. Half way
    // the query pauses for two seconds, so at least one figure falls inside the run however fast
    // the machine streams (a figure that counts rows only once the run ends shows 0 then).
    List<Long> shown = new CopyOnWriteArrayList<>();
    w.robot.interact(
        () ->
            rates
                .textProperty()
                .subscribe(
                    text -> {
                      var m = ROWS_PER_SECOND.matcher(text == null ? "" : text);
                      var big = w.model.panel("big");
                      if (m.find() && big != null && big.state() == PanelState.RUNNING) {
                        shown.add(Long.parseLong(m.group(1).replace(",", "")));
                      }
                    }));
    w.click("#run-all");
    FxWait.waitUntilOnFx(
        "the query streamed every row",
        () ->
            w.model.panel("big").state() == PanelState.OK
                && w.model.panel("big").rowsSoFarProperty().get() == ROWS);
    long best = shown.stream().mapToLong(Long::longValue).max().orElse(0);
    // A quarter of a million rows before the pause: tens of thousands per second at least, however
    // busy the machine is (a rate a hundred times too low is the bug, not a slow machine).
    assertThat(best).as("rows/s figures shown: " + shown).isGreaterThanOrEqualTo(10_000);
  }
}
