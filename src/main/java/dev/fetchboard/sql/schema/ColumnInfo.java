package dev.fetchboard.sql.schema;

/** A column of a table or view: its name, its type as PostgreSQL names it, and nullability. */
public record ColumnInfo(String name, String type, boolean nullable) {}
