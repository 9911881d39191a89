package dev.fetchboard.engine;

import dev.fetchboard.workspace.PanelResolver;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.function.Consumer;

/**
 * One run for {@link Engine#execute}: which panel, in which workspace, where its events go, and how
 * it runs ({@link Mode}).
 */
record RunRequest(
    long id,
    Workspace workspace,
    PanelResolver resolver,
    PanelSpec spec,
    Cancellation cancellation,
    Consumer<RunEvent> events,
    Mode mode) {

  /** How a run runs. */
  sealed interface Mode {}

  /** A run of its own: it takes a global slot and one of its key's, and keeps its rows. */
  record Single() implements Mode {}

  /**
   * One run of a load probe: the panel is prepared once for all of them, and the probe's workers
   * stand in for the slots.
   */
  record Repeat(Engine.Prepared prepared) implements Mode {}

  /** A run whose rows all go to {@code sink} instead of a result table (an export). */
  record Export(RowSink sink) implements Mode {}

  static final Mode SINGLE = new Single();
}
