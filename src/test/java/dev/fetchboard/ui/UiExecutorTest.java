package dev.fetchboard.ui;

import static dev.fetchboard.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The one way to and from the FX thread: values, failures, progress and cancelling. */
@ExtendWith(ApplicationExtension.class)
class UiExecutorTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {}

  private UiExecutor sameThread() {
    var ui = UiExecutor.sameThread();
    ui.reportErrorsTo((t, e) -> unexpected.add(e));
    return ui;
  }

  @Test
  void aValueIsHandedToItsHandler() {
    var task = sameThread().submit("answer", () -> 42, v -> seen.add("got " + v));
    assertThat(seen).containsExactly("got 42");
    assertThat(task.isDone()).isTrue();
    assertThat(task.value()).isEqualTo(42);
  }

  @Test
  void aFailureGoesToItsHandlerOrElseToTheOneErrorHandler() {
    var ui = sameThread();
    ui.task(
            "read",
            p -> {
              throw new IOException("disk gone");
            })
        .onFailure(e -> seen.add("failed: " + e.getMessage()))
        .start();
    assertThat(seen).containsExactly("failed: disk gone");
    assertThat(unexpected).isEmpty();

    ui.submit(
        "no handler",
        () -> {
          throw new IllegalStateException("nobody expected this");
        },
        v -> seen.add("never"));
    ui.onFx(
        () -> {
          throw new IllegalArgumentException("a handler broke");
        });
    assertThat(unexpected)
        .extracting(Throwable::getMessage)
        .containsExactly("nobody expected this", "a handler broke");
    assertThat(seen).containsExactly("failed: disk gone");
  }

  @Test
  void aCancelledTaskDeliversNothingButItsCancellationAndRunsItsStopAction() {
    var ui = sameThread();
    var stopped = new CopyOnWriteArrayList<String>();
    var task =
        ui.task(
                "long",
                p -> {
                  p.onCancel(() -> stopped.add("query stopped"));
                  p.message("half way");
                  return p.cancelled() ? -1 : 1;
                })
            .onMessage(m -> seen.add("message: " + m))
            .onDone(v -> seen.add("done " + v))
            .onCancelled(() -> seen.add("cancelled"));
    task.cancel();
    assertThat(task.isCancelled()).isTrue();
    task.start();
    assertThat(stopped).containsExactly("query stopped");
    assertThat(seen).containsExactly("cancelled");
  }

  @Test
  void onTheWindowsExecutorWorkRunsOffTheFxThreadAndItsResultsOnIt() throws Exception {
    var ui = UiExecutor.forWindow();
    ui.reportErrorsTo((t, e) -> unexpected.add(e));
    var release = new CountDownLatch(1);
    var fractions = new CopyOnWriteArrayList<Double>();
    var task =
        ui.task(
                "work",
                p -> {
                  seen.add("work on FX: " + Platform.isFxApplicationThread());
                  for (int i = 1; i <= 1000; i++) {
                    p.fraction(i / 1000.0);
                  }
                  release.await(10, TimeUnit.SECONDS);
                  return "value";
                })
            .onFraction(f -> fractions.add(f))
            .onDone(v -> seen.add("done on FX: " + Platform.isFxApplicationThread()));
    Platform.runLater(task::start);
    waitUntil("the last progress shows", () -> fractions.contains(1.0));
    assertThat(fractions).as("progress is coalesced, not queued").hasSizeLessThan(1000);
    release.countDown();
    waitUntil("the value arrives", task::isDone);
    assertThat(seen).containsExactly("work on FX: false", "done on FX: true");
    assertThat(task.value()).isEqualTo("value");
    assertThat(unexpected).isEmpty();
  }
}
