package dev.fetchboard.ui.model;

/** What a tile shows about its panel's latest run. */
public enum PanelState {
  IDLE("idle"),
  QUEUED("queued"),
  RUNNING("running"),
  OK("ok"),
  FAILED("failed"),
  CHECK_FAILED("check failed"),
  CANCELLED("cancelled");

  private final String label;

  PanelState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The CSS style class for this state, e.g. {@code state-check-failed}. */
  public String styleClass() {
    return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
