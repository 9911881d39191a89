package dev.fetchboard.alerts;

import dev.fetchboard.workspace.AlertTrigger;
import java.time.Duration;
import java.time.Instant;

/**
 * A panel's outcome changed: what it was, what it is, and what the run said.
 *
 * @param previous null when this is the first run seen (it failed from the start)
 * @param message what went wrong, or null on recovery
 * @param value the panel's single value, or null
 */
public record AlertEvent(
    String panelId,
    String title,
    AlertTrigger trigger,
    PanelState previous,
    PanelState now,
    String message,
    Object value,
    Duration latency,
    Instant time,
    String workspace) {}
