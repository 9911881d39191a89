package dev.fetchboard.workspace;

/** What a panel runs: an HTTP request or a SQL query. */
public sealed interface SourceSpec permits HttpRequestSpec, SqlQuerySpec {}
