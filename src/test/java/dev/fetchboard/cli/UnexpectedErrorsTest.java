package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Whatever a command throws, the person gets one plain line and an exit code of 1 or 2. */
class UnexpectedErrorsTest {
  private final StringWriter err = new StringWriter();

  /** A command that fails as a bug would. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Throwable failure;

    Boom(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Exception e) {
        throw e;
      }
      throw (Error) failure;
    }
  }

  private int run(Throwable failure) {
    var cmd = new CommandLine(new FetchboardCommand()).addSubcommand(new Boom(failure));
    return FetchboardCommand.execute(
        cmd, new String[] {"boom"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  private static Throwable nullPointer() {
    try {
      Object nothing = null;
      return new IllegalStateException(nothing.toString());
    } catch (NullPointerException e) {
      return e;
    }
  }

  @Test
  void aBugInACommandIsOneLineWithoutClassNamesOrAStackTrace() {
    assertThat(run(nullPointer())).isIn(1, 2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("fetchboard boom: an unexpected error stopped the command")
        .contains("details are in the log")
        .doesNotContain("NullPointer", "Exception", "toString()", "\tat ", "java.");
  }

  @Test
  void runningOutOfMemoryIsSaidPlainly() {
    assertThat(run(new OutOfMemoryError("Java heap space"))).isIn(1, 2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("fetchboard boom: ran out of memory")
        .doesNotContain("OutOfMemoryError", "Java heap space", "\tat ");
  }

  @Test
  void aStackOverflowIsSaidPlainly() {
    assertThat(run(new StackOverflowError())).isIn(1, 2);
    assertThat(err.toString()).startsWith("fetchboard boom: ").doesNotContain("StackOverflow");
  }

  @Test
  void aPlainMessageIsKeptAndACodeLikeOneIsNot() {
    assertThat(run(new IOException("No space left on device"))).isIn(1, 2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "fetchboard boom: cannot read or write: No space left on device; the details are in"
                + " the log");
    assertThat(UnexpectedErrors.plain("port out of range:999999"))
        .isEqualTo("port out of range:999999");
    assertThat(UnexpectedErrors.plain("java.lang.IllegalStateException: x")).isNull();
    assertThat(UnexpectedErrors.plain("Cannot invoke \"String.length()\" because \"s\" is null"))
        .isNull();
    assertThat(UnexpectedErrors.plain("line one\nline two\u001b[2J")).isEqualTo("line one");
    assertThat(UnexpectedErrors.plain("x".repeat(500))).hasSize(201);
  }
}
