package dev.fetchboard.engine;

/**
 * Thrown by a source for a failure it has already put into words. {@code retryable} says a new
 * attempt could succeed and would be safe (e.g. a refused connection for a GET).
 */
public final class RunFailure extends Exception {
  private final transient RunError error;
  private final boolean retryable;

  public RunFailure(RunError error, boolean retryable, Throwable cause) {
    super(error.message(), cause, false, false);
    this.error = error;
    this.retryable = retryable;
  }

  public RunFailure(RunError error) {
    this(error, false, null);
  }

  public RunFailure(ErrorKind kind, String message) {
    this(RunError.of(kind, message), false, null);
  }

  public RunError error() {
    return error;
  }

  public boolean retryable() {
    return retryable;
  }
}
