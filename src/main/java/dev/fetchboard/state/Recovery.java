package dev.fetchboard.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Unsaved edits kept on disk while the app runs, so a crash does not lose them.
 *
 * @param file the workspace file the edits belong to, or null for a never-saved workspace
 * @param name the workspace's name, for the offer to restore
 * @param savedAt when these edits were written (ISO-8601)
 * @param pid the process that wrote them
 * @param processStart when that process started, ISO-8601 (so a reused pid is not taken for it)
 * @param session the window session that wrote them
 * @param yaml the edited workspace, as it would be saved
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recovery(
    @Nullable String file,
    String name,
    @Nullable String savedAt,
    long pid,
    @Nullable String processStart,
    String session,
    String yaml) {

  /** When the edits were written, or the epoch when the file does not say. */
  public Instant savedInstant() {
    return parse(savedAt);
  }

  static Instant parse(@Nullable String iso) {
    if (iso == null) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
