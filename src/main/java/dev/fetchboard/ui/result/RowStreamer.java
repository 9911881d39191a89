package dev.fetchboard.ui.result;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.RowSink;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;

/**
 * Runs a SQL panel again and streams every row into a sink: how Export… writes a whole result that
 * the panel's row cap cut short. The window gives the engine's; called on a worker thread.
 */
@FunctionalInterface
public interface RowStreamer {
  RunResult stream(PanelSpec panel, RowSink sink, Cancellation cancellation);
}
