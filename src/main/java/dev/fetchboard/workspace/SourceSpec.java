package dev.fetchboard.workspace;

/** What a panel runs: an HTTP request, a SQL query or a Redis command. */
public sealed interface SourceSpec permits HttpRequestSpec, SqlQuerySpec, RedisCommandSpec {}
