package dev.fetchboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an error no command expected becomes a one-line message and an exit code: the
 * person sees what happened in plain words, the log gets the full trace.
 */
final class UnexpectedErrors {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

  // Words that mark a message as written for programmers: class names, "null", stack frames.
  private static final Pattern CODE_LIKE =
      Pattern.compile(
          "(?i)exception|error\\b|\\bnull\\b|\\w+\\.\\w+\\(|\\b[a-z]\\w*\\.[a-z]\\w*\\.[A-Za-z]"
              + "|\\bat \\w+\\.|[A-Z]\\w+\\.[a-z]\\w+\\(");
  private static final int MAX_MESSAGE = 200;

  private UnexpectedErrors() {}

  /**
   * Logs {@code t} with its trace and prints one line for {@code command} ("" for the top level).
   *
   * @return the exit code to end with
   */
  static int report(Throwable t, String command, PrintWriter err) {
    LOG.error("fetchboard {} stopped on an unexpected error", command, t);
    err.println(
        "fetchboard"
            + (command == null || command.isEmpty() ? "" : " " + command)
            + ": "
            + describe(t));
    err.flush();
    return FetchboardCommand.USAGE;
  }

  /** Logs an error that escaped a background thread; tells the person once per process. */
  static void background(
      Throwable t, java.util.concurrent.atomic.AtomicBoolean told, PrintWriter err) {
    LOG.error("unexpected error in a background task", t);
    if (told.compareAndSet(false, true)) {
      err.println("fetchboard: a background task stopped: " + describe(t));
      err.flush();
    }
  }

  /** What went wrong, in words a user can act on, without class names or code. */
  static String describe(Throwable t) {
    if (has(t, OutOfMemoryError.class)) {
      return "ran out of memory (a response or a result was too large for the memory this"
          + " process may use); the details are in the log";
    }
    if (has(t, StackOverflowError.class)) {
      return "the input is nested too deeply to handle; the details are in the log";
    }
    IOException io = find(t, IOException.class);
    if (io != null) {
      String m = plain(io.getMessage());
      return "cannot read or write" + (m == null ? "" : ": " + m) + "; the details are in the log";
    }
    String m =
        plain(
            t instanceof UncheckedIOException || t.getCause() == null
                ? t.getMessage()
                : t.getCause().getMessage());
    return "an unexpected error stopped the command"
        + (m == null ? "" : " (" + m + ")")
        + "; this is a bug, the details are in the log";
  }

  /** The message's first line when it reads as plain words, else null. */
  static String plain(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String line = message.strip().lines().findFirst().orElse("");
    if (CODE_LIKE.matcher(line).find()) {
      return null;
    }
    var sb = new StringBuilder();
    line.codePoints()
        .limit(MAX_MESSAGE)
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return sb.length() < line.length() ? sb + "…" : sb.toString();
  }

  /** Text on one line, control characters as spaces, cut at a readable length. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    var sb = new StringBuilder();
    text.strip()
        .codePoints()
        .limit(MAX_MESSAGE)
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return sb.length() < text.strip().length() ? sb + "…" : sb.toString();
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int i = 0; t != null && i < 20; t = t.getCause(), i++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
