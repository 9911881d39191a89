package dev.fetchboard.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * What alerts need of one finished run, read through {@link ResultReading}.
 *
 * @param state null when the run was cancelled (it says nothing about the panel)
 * @param problem one line saying what went wrong, null when OK
 * @param value the panel's single value, or null
 */
record Observation(
    String panelId,
    PanelState state,
    String problem,
    Object value,
    Duration latency,
    Instant time,
    Integer status) {}
