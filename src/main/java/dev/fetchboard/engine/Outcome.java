package dev.fetchboard.engine;

/** How a run ended. */
public enum Outcome {
  /** The request or query succeeded and every check held. */
  OK,
  /** It succeeded but a check did not hold (an HTTP error status counts as a failed check). */
  CHECK_FAILED,
  /** It could not be done: connection refused, timed out, SQL error, response too large… */
  FAILED,
  /** Somebody stopped it. */
  CANCELLED;

  public boolean ok() {
    return this == OK;
  }
}
