package dev.fetchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The error sink: a worker's uncaught exception is logged with its trace and reported. */
class ErrorSinkTest {

  @Test
  void anUncaughtExceptionOnAWorkerIsLoggedAndReported() throws Exception {
    var previous = Thread.getDefaultUncaughtExceptionHandler();
    try {
      var errors = ErrorSink.installForAllThreads();
      var reports = new ArrayBlockingQueue<ErrorSink.Report>(4);
      errors.addListener(reports::add);
      String mark = UUID.randomUUID().toString();
      Thread.ofVirtual()
          .name("worker-" + mark)
          .start(
              () -> {
                throw new IllegalStateException("boom " + mark);
              })
          .join();
      var report = reports.poll(10, TimeUnit.SECONDS);
      assertThat(report).isNotNull();
      assertThat(report.thread()).isEqualTo("worker-" + mark);
      assertThat(report.summary()).isEqualTo("boom " + mark);
      assertThat(report.details()).contains("IllegalStateException").contains("\tat ");
      String log = Files.readString(LogSetup.file());
      assertThat(log).contains("worker-" + mark).contains("boom " + mark).contains("\tat ");
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    var errors = new ErrorSink();
    var got = new ArrayBlockingQueue<ErrorSink.Report>(1);
    errors.addListener(
        r -> {
          throw new IllegalStateException("listener broke");
        });
    errors.addListener(got::add);
    errors.report("main", new RuntimeException(new java.io.IOException("disk full")));
    assertThat(got.poll().summary()).isEqualTo("disk full");
  }
}
