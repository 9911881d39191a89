package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** A change of a panel's outcome that an alert can be sent for. */
public enum AlertTrigger {
  /** The run could not be done (was OK or a failed check before). */
  FAILED("failed"),
  /** The run worked but a check did not hold. */
  CHECK_FAILED("checkFailed"),
  /** Back to OK after a failure or a failed check. */
  RECOVERED("recovered");

  private final String key;

  AlertTrigger(String key) {
    this.key = key;
  }

  /** As a workspace file writes it: {@code failed}, {@code checkFailed}, {@code recovered}. */
  @JsonValue
  public String key() {
    return key;
  }

  @JsonCreator
  public static AlertTrigger of(String text) {
    String wanted = text == null ? "" : text.trim().replace("_", "").replace("-", "");
    for (AlertTrigger t : values()) {
      if (t.key.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown alert event '"
            + text
            + "' (expected "
            + String.join(", ", Arrays.stream(values()).map(AlertTrigger::key).toList())
            + ")");
  }
}
