package dev.fetchboard.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.Panels;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a tile shows as a run goes through its states, without any FX thread or window. */
class PanelViewModelTest {
  private final PanelViewModel vm =
      new PanelViewModel(Panels.get("orders", "http://127.0.0.1:1/orders"));

  private static RunResult failed(long runId, String message) {
    return RunResult.failed(
        "orders",
        runId,
        Instant.now(),
        Duration.ofMillis(12),
        RunError.of(ErrorKind.CONNECTION, message),
        1);
  }

  @Test
  void aRunWaitingForTheDatabaseSaysSoOnTheTile() {
    vm.queued(1, "starting database…");
    assertThat(vm.state()).isEqualTo(PanelState.QUEUED);
    assertThat(vm.detailProperty().get()).isEqualTo("starting database…");
  }

  @Test
  void aFailedRunShowsItsErrorPlainly() {
    vm.queued(1, null);
    vm.started(1);
    assertThat(vm.state()).isEqualTo(PanelState.RUNNING);
    vm.finished(failed(1, "connection refused by 127.0.0.1:1"));
    assertThat(vm.state()).isEqualTo(PanelState.FAILED);
    assertThat(vm.problemProperty().get()).isEqualTo("connection refused by 127.0.0.1:1");
    assertThat(vm.latencies()).containsExactly(12.0);
  }

  @Test
  void eventsOfAnOlderRunNeverOverwriteANewerOne() {
    vm.queued(2, null);
    vm.started(2);
    vm.finished(failed(1, "old"));
    vm.progress(1, 10, 0, null);
    assertThat(vm.state()).isEqualTo(PanelState.RUNNING);
    assertThat(vm.problemProperty().get()).isNull();
  }
}
