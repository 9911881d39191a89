package dev.fetchboard.engine;

/** The payload of a run that failed before any data came back. */
public record NoData() implements RunPayload {
  /** The one instance; a run without data carries this. */
  public static final NoData NONE = new NoData();
}
