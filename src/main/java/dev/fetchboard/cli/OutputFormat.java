package dev.fetchboard.cli;

/** How `run` prints results. */
public enum OutputFormat {
  /** Aligned tables for people. */
  TABLE,
  /** One JSON object per panel run, one per line, for scripts. */
  JSON,
  /** The rows of each panel as CSV. */
  CSV
}
