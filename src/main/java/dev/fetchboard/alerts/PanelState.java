package dev.fetchboard.alerts;

/** How a panel's last run ended, as alerts see it (a cancelled run changes nothing). */
public enum PanelState {
  OK("ok"),
  FAILED("failed"),
  CHECK_FAILED("checkFailed");

  private final String key;

  PanelState(String key) {
    this.key = key;
  }

  /**
   * As messages and the webhook payload write it: {@code ok}, {@code failed}, {@code checkFailed}.
   */
  public String key() {
    return key;
  }

  /** In words for a message: "OK", "failed", "check failed". */
  public String words() {
    return switch (this) {
      case OK -> "OK";
      case FAILED -> "failed";
      case CHECK_FAILED -> "check failed";
    };
  }
}
