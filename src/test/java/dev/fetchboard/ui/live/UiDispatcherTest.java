package dev.fetchboard.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dispatcher's coalescing, without any FX thread. */
class UiDispatcherTest {

  @Test
  void manyProgressEventsOfOnePanelCollapseIntoOneUpdate() {
    var d = new UiDispatcher();
    d.accept(new RunEvent.Queued(1, "a", Instant.now(), null));
    d.accept(new RunEvent.Started(1, "a", Instant.now()));
    for (int i = 1; i <= 10_000; i++) {
      d.accept(new RunEvent.Progress(1, "a", 0, i, null));
    }
    d.accept(new RunEvent.Progress(7, "b", 0, 5, null));
    var updates = d.drain();
    assertThat(updates).hasSize(2);
    var a =
        updates.stream().filter(u -> u.getKey().equals("a")).findFirst().orElseThrow().getValue();
    assertThat(((RunEvent.Progress) a.latest()).rows()).isEqualTo(10_000);
    assertThat(d.drain()).isEmpty();
    assertThat(d.rowsSeen()).isEqualTo(10_005);
  }

  @Test
  void aFinishedResultIsKeptWhenTheNextRunIsAlreadyQueued() {
    var d = new UiDispatcher();
    var result =
        RunResult.failed(
            "a", 1, Instant.now(), Duration.ZERO, RunError.of(ErrorKind.CONNECTION, "x"), 1);
    d.accept(new RunEvent.Finished(1, "a", result));
    d.accept(new RunEvent.Queued(2, "a", Instant.now(), null));
    var u = d.drain().getFirst().getValue();
    assertThat(u.finished().result()).isSameAs(result);
    assertThat(u.latest()).isInstanceOf(RunEvent.Queued.class);
    assertThat(u.latest().runId()).isEqualTo(2);
  }

  @Test
  void aLateEventOfAnOlderRunNeverReplacesANewerOne() {
    var d = new UiDispatcher();
    d.accept(new RunEvent.Started(5, "a", Instant.now()));
    d.accept(new RunEvent.Progress(4, "a", 0, 1, null));
    assertThat(d.drain().getFirst().getValue().latest().runId()).isEqualTo(5);
  }

  @Test
  void aBoundedDrainTakesTheLongestWaitingPanelsFirstAndLosesNothing() {
    var d = new UiDispatcher();
    for (int i = 0; i < 100; i++) {
      d.accept(new RunEvent.Started(i + 1, "p" + i, Instant.now()));
    }
    var first = d.drain(30, null);
    assertThat(first).extracting(java.util.Map.Entry::getKey).startsWith("p0", "p1").hasSize(30);
    // A newer event of a panel still waiting merges into its place; it is not sent to the back.
    d.accept(new RunEvent.Started(1000, "p40", Instant.now()));
    var taken = new java.util.ArrayList<String>();
    first.forEach(e -> taken.add(e.getKey()));
    java.util.List<java.util.Map.Entry<String, UiDispatcher.PanelUpdate>> next;
    while (!(next = d.drain(30, null)).isEmpty()) {
      assertThat(next.size()).isLessThanOrEqualTo(30);
      next.forEach(e -> taken.add(e.getKey()));
      next.stream()
          .filter(e -> e.getKey().equals("p40"))
          .forEach(e -> assertThat(e.getValue().latest().runId()).isEqualTo(1000));
    }
    assertThat(taken).hasSize(100).doesNotHaveDuplicates();
    assertThat(taken.indexOf("p40")).isEqualTo(40);
  }

  @Test
  void theShownPanelGoesFirst() {
    var d = new UiDispatcher();
    for (int i = 0; i < 100; i++) {
      d.accept(new RunEvent.Started(i + 1, "p" + i, Instant.now()));
    }
    assertThat(d.drain(10, "p77")).extracting(java.util.Map.Entry::getKey).startsWith("p77", "p0");
    assertThat(d.drain(100, null))
        .extracting(java.util.Map.Entry::getKey)
        .hasSize(90)
        .doesNotContain("p77");
  }
}
