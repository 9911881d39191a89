package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunDeadlinesTest {
  @Test
  void aDeadlineTimesTheRunOutAfterItsTime() throws Exception {
    try (var deadlines = new RunDeadlines("test-timeouts")) {
      var c = new Cancellation();
      var fired = new CountDownLatch(1);
      c.onCancel(fired::countDown);
      long start = System.nanoTime();
      deadlines.register(c, 150, 1);
      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isGreaterThanOrEqualTo(140);
      assertThat(c.reason()).isEqualTo(Cancellation.Reason.TIMEOUT);
    }
  }

  @Test
  void aWithdrawnDeadlineNeverFires() throws Exception {
    try (var deadlines = new RunDeadlines("test-timeouts")) {
      var c = new Cancellation();
      deadlines.register(c, 50, 1).close();
      Thread.sleep(300);
      assertThat(c.isCancelled()).isFalse();
    }
  }

  @Test
  void aNearerDeadlineRegisteredLaterStillFiresOnTime() throws Exception {
    try (var deadlines = new RunDeadlines("test-timeouts")) {
      var far = new Cancellation();
      var near = new Cancellation();
      var fired = new CountDownLatch(1);
      near.onCancel(fired::countDown);
      deadlines.register(far, 60_000, 1);
      Thread.sleep(50); // the watcher now sleeps until the far deadline
      long start = System.nanoTime();
      deadlines.register(near, 100, 2);
      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
      assertThat(far.isCancelled()).isFalse();
    }
  }

  @Test
  void manyRunsEachTimeOutOnceAndOthersAreLeftAlone() throws Exception {
    try (var deadlines = new RunDeadlines("test-timeouts")) {
      var due = new Cancellation[200];
      var done = new CountDownLatch(due.length);
      for (int i = 0; i < due.length; i++) {
        due[i] = new Cancellation();
        due[i].onCancel(done::countDown);
        deadlines.register(due[i], i % 20, i);
        deadlines.register(new Cancellation(), 10 + i % 7, 1_000 + i).close();
      }
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
