package dev.fetchboard.cli;

import dev.fetchboard.engine.RepeatResult;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import java.io.IOException;

/** Writes results in one output format. */
interface ResultPrinter {
  void result(PanelSpec panel, RunResult result) throws IOException;

  void repeat(PanelSpec panel, RepeatResult result) throws IOException;

  /** Called once after the last result (summary lines, flush). */
  default void finish(int panels, int failed) throws IOException {}
}
