package dev.fetchboard.ui.result;

import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.workspace.ChartSpec;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Gathers a chart's points on a virtual thread and hands them to the FX thread; only the newest
 * request is delivered, so a quick series of changes never paints an older chart last.
 */
public final class ChartBuilder {
  private final AtomicLong generation = new AtomicLong();

  /**
   * Builds on a worker thread and calls {@code show} on the FX thread, unless a newer build ran.
   */
  public void build(
      ResultTable table, int rows, ChartSpec choice, int maxPoints, Consumer<ChartData> show) {
    long mine = generation.incrementAndGet();
    Thread.ofVirtual()
        .name("chart-data")
        .start(
            () -> {
              ChartData data = ChartData.build(table, rows, choice, maxPoints);
              if (generation.get() == mine) {
                Platform.runLater(
                    () -> {
                      if (generation.get() == mine) {
                        show.accept(data);
                      }
                    });
              }
            });
  }

  /** Drops any build still on its way. */
  public void cancel() {
    generation.incrementAndGet();
  }
}
