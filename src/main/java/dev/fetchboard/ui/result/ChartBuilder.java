package dev.fetchboard.ui.result;

import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.UiTask;
import dev.fetchboard.workspace.ChartSpec;
import java.util.function.Consumer;

/**
 * Gathers a chart's points on a virtual thread and hands them to the FX thread; only the newest
 * request is delivered, so a quick series of changes never paints an older chart last.
 */
public final class ChartBuilder {
  private final UiExecutor ui;
  private UiTask<ChartData> building;

  public ChartBuilder(UiExecutor ui) {
    this.ui = ui;
  }

  /**
   * Builds on a worker thread and calls {@code show} on the FX thread, unless a newer build ran.
   */
  public void build(
      ResultTable table, int rows, ChartSpec choice, int maxPoints, Consumer<ChartData> show) {
    cancel();
    building = ui.submit("chart-data", () -> ChartData.build(table, rows, choice, maxPoints), show);
  }

  /** Drops any build still on its way. */
  public void cancel() {
    if (building != null) {
      building.cancel();
      building = null;
    }
  }
}
