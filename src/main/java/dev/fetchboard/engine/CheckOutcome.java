package dev.fetchboard.engine;

/** One check's verdict: what was checked, whether it held, and what was actually seen. */
public record CheckOutcome(String description, boolean passed, String actual) {}
