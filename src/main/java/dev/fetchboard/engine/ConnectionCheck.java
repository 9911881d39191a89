package dev.fetchboard.engine;

import java.time.Duration;

/** The outcome of "Test connection": the server's version and round-trip time, or why it failed. */
public record ConnectionCheck(boolean ok, String serverVersion, Duration latency, String message) {}
