package dev.fetchboard.engine;

import java.time.Duration;

/**
 * Rows a query returned.
 *
 * @param table the rows kept (up to the panel's cap; empty when they went to a sink)
 * @param value the first column of the first row, or null for no rows
 * @param timeToFirstRow until the first row was readable, or null when there was none
 */
public record QueryRows(ResultTable table, Object value, Duration timeToFirstRow)
    implements RunPayload {}
