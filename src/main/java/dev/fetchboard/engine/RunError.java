package dev.fetchboard.engine;

/**
 * Why a run failed: {@code message} is one line a person can act on ("connection refused by
 * 127.0.0.1:8081", "timed out after 5 s"); {@code details} is more for a details view (never shown
 * as the message, may be null).
 */
public record RunError(ErrorKind kind, String message, String details) {
  public RunError {
    if (message == null || message.isBlank()) {
      message = "failed for an unknown reason";
    }
  }

  public static RunError of(ErrorKind kind, String message) {
    return new RunError(kind, message, null);
  }
}
