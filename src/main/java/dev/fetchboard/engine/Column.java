package dev.fetchboard.engine;

/**
 * A result column: its name, the type it came with (a PostgreSQL type name, or "json" types such as
 * "number"), and whether it holds numbers (right-aligned, sorted numerically).
 */
public record Column(String name, String type, boolean numeric) {}
