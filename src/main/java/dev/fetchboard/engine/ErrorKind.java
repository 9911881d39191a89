package dev.fetchboard.engine;

/** The family of a failure, so views can pick an icon and the CLI a word. */
public enum ErrorKind {
  INVALID_INPUT,
  CONNECTION,
  TIMEOUT,
  TOO_LARGE,
  PROTOCOL,
  QUERY,
  AUTH,
  CANCELLED,
  INTERNAL
}
