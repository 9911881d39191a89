package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Workers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DebouncedWriterTest {
  private final List<Integer> written = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();

  private DebouncedWriter<Integer> writer(Duration delay) {
    return new DebouncedWriter<>(
        delay,
        Workers.timer("test-timer"),
        Executors.newThreadPerTaskExecutor(Workers.virtual("test-io")),
        v -> {
          if (v != null && v < 0) {
            throw new java.io.IOException("disk on fire");
          }
          written.add(v);
        },
        errors::add);
  }

  @Test
  void aBurstOfValuesIsOneWriteOfTheLast() throws Exception {
    var w = writer(Duration.ofMillis(100));
    for (int i = 1; i <= 50; i++) {
      w.submit(i);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (written.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(300);
    assertThat(written).containsExactly(50);
    assertThat(w.isPending()).isFalse();
  }

  @Test
  void flushWritesWhatWaitsAtOnceAndOnlyOnce() throws Exception {
    var w = writer(Duration.ofMillis(200));
    w.submit(7);
    assertThat(w.isPending()).isTrue();
    w.flush();
    assertThat(written).containsExactly(7);
    Thread.sleep(400);
    assertThat(written).containsExactly(7);
  }

  @Test
  void aNullValueIsWrittenTooForItMeansRemove() throws Exception {
    var w = writer(Duration.ofMillis(200));
    w.submit(7);
    w.submit(null);
    assertThat(w.isPending()).isTrue();
    w.flush();
    assertThat(written).hasSize(1).containsNull();
  }

  @Test
  void aFailedWriteIsReportedNotThrown() throws Exception {
    var w = writer(Duration.ofMillis(10));
    w.submit(-1);
    w.flush();
    assertThat(errors).containsExactly("disk on fire");
  }
}
