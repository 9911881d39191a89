import dev.fetchboard.app.Launcher;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

/**
 * The UI benchmark's driver (bench/run ui): starts the real Fetchboard window on a workspace, turns
 * auto-refresh on, opens the big query's tile, runs everything and scrolls the result table while
 * rows stream in, for a fixed time. It only presses what a user would press, found by the ids and
 * style classes the window already has. JavaFX's pulse logger (enabled by bench/run) records the
 * frame pacing; this prints what only the app can see as one line: {@code UIBENCH {json}}. Gaps
 * between frames are reported in two parts: the first two seconds after Run all (a cold JVM
 * compiling every path the first burst takes, on the same cores) and the rest of the run.
 *
 * <p>Run as a source-file program: {@code java -cp CLASSPATH bench/UiBench.java WORKSPACE SECONDS
 * BIG_PANEL_TITLE TILES}.
 */
public final class UiBench {
  public static void main(String[] args) throws Exception {
    Path workspace = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    String bigTitle = args[2];
    int tiles = Integer.parseInt(args[3]);
    long start = System.nanoTime();
    Thread.ofPlatform()
        .name("fetchboard")
        .start(
            () -> {
              try {
                Launcher.main(new String[] {"gui", workspace.toString()});
              } catch (Exception e) {
                e.printStackTrace();
                System.exit(2);
              }
            });
    Scene scene = waitFor(() -> sceneWithTiles(tiles), 300);
    double openedSeconds = (System.nanoTime() - start) / 1e9;

    var gaps = new ArrayList<Long>();
    // The first two seconds after Run all, kept apart: a cold JVM compiles the code of every path
    // the burst takes (200 first results, the first rows of the big table) while running it.
    var firstGaps = new ArrayList<Long>();
    long[] worstGap = {0};
    boolean[] measuring = {true};
    long[] worstGapAt = {0};
    long[] worstGapAfter5s = {0};
    long[] firstRowAt = {0};
    long[] runAt = {0};
    int[] scrolledTo = {0};
    onFx(
        () -> {
          Node big =
              scene.getRoot().lookupAll(".tile").stream()
                  .filter(t -> t.lookupAll(".tile-title").stream().anyMatch(l -> bigTitle.equals(((Label) l).getText())))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("no tile titled " + bigTitle));
          Event.fireEvent(big, click(big));
          ((ToggleButton) scene.lookup("#auto-refresh")).setSelected(true);
          ((javafx.scene.control.ButtonBase) scene.lookup("#run-all")).fire();
          runAt[0] = System.nanoTime();
          new AnimationTimer() {
            long last;
            long lastScroll;
            TableView<?> table;
            ScrollBar bar;

            @Override
            public void handle(long now) {
              if (measuring[0] && last != 0 && now - runAt[0] <= 2_000_000_000L) {
                firstGaps.add(now - last);
              } else if (measuring[0] && last != 0) {
                if (gaps.isEmpty()) {
                  // Marks the pulse log: bench/pulses.py weighs the FX thread's work from here.
                  System.out.println("UIBENCH-MEASURING");
                }
                gaps.add(now - last);
                if (now - runAt[0] > 5_000_000_000L) {
                  worstGapAfter5s[0] = Math.max(worstGapAfter5s[0], now - last);
                }
                if (now - last > worstGap[0]) {
                  worstGap[0] = now - last;
                  worstGapAt[0] = now - runAt[0];
                }
              }
              last = now;
              // Looked up once: a lookup walks the whole scene, work the app itself does not do.
              if (table == null && now - lastScroll > 200_000_000L) {
                lastScroll = now;
                table = resultTable(scene);
              }
              int rows = table == null ? 0 : table.getItems().size();
              if (rows > 0 && firstRowAt[0] == 0) {
                firstRowAt[0] = System.nanoTime();
              }
              // A user dragging the scroll bar's thumb down through the rows, a step every 50 ms
              // (1/400 of the way: a sweep of the whole table in 20 s), back to the top at the end.
              if (rows > 0 && now - lastScroll > 50_000_000L) {
                lastScroll = now;
                if (bar == null) {
                  bar = verticalBar(table);
                }
                if (bar != null) {
                  double next = bar.getValue() + (bar.getMax() - bar.getMin()) / 400;
                  bar.setValue(next > bar.getMax() ? bar.getMin() : next);
                  scrolledTo[0]++;
                }
              }
            }
          }.start();
          return null;
        });
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    String status =
        onFx(
            () -> {
              // The run is over: what the benchmark does from here (a scene lookup, a full GC to
              // weigh the heap) is its own work, not the app's, and must not count as a gap.
              measuring[0] = false;
              System.out.println("UIBENCH-END");
              TableView<?> table = resultTable(scene);
              var labels = new ArrayList<String>();
              for (Node n : scene.getRoot().lookupAll(".status-bar .label")) {
                labels.add(((Label) n).getText());
              }
              labels.add(nodes(scene.getRoot()) + " nodes in the scene");
              return (table == null ? 0 : table.getItems().size()) + "\t" + String.join(" | ", labels);
            });
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    List<Long> sorted = new ArrayList<>(gaps);
    sorted.sort(null);
    long firstOver50 = firstGaps.stream().filter(g -> g > 50_000_000L).count();
    long firstMax = firstGaps.stream().mapToLong(Long::longValue).max().orElse(0);
    long firstStalled = firstGaps.stream().filter(g -> g > 50_000_000L).mapToLong(Long::longValue).sum();
    String[] parts = status.split("\t", 2);
    System.out.println(
        String.format(
            Locale.ROOT,
            "UIBENCH {\"windowWithTilesSeconds\": %.2f, \"firstRowMs\": %.0f, \"rowsInTable\": %s,"
                + " \"scrollSteps\": %d, \"heapAfterGcMb\": %d, \"timerFrames\": %d, \"timerGapP50Ms\": %.1f,"
                + " \"timerGapP99Ms\": %.1f, \"timerGapMaxMs\": %.1f, \"timerGapMaxAtSeconds\": %.1f,"
                + " \"timerGapMaxAfter5sMs\": %.1f, \"first2sFrames\": %d, \"first2sGapsOver50Ms\": %d,"
                + " \"first2sGapMaxMs\": %.1f, \"first2sInGapsOver50Ms\": %.0f,"
                + " \"statusBar\": \"%s\"}",
            openedSeconds,
            firstRowAt[0] == 0 ? -1.0 : (firstRowAt[0] - runAt[0]) / 1e6,
            parts[0],
            scrolledTo[0],
            heap / (1024 * 1024),
            sorted.size(),
            pct(sorted, 0.50),
            pct(sorted, 0.99),
            sorted.isEmpty() ? 0 : sorted.getLast() / 1e6,
            worstGapAt[0] / 1e9,
            worstGapAfter5s[0] / 1e6,
            firstGaps.size(),
            firstOver50,
            firstMax / 1e6,
            firstStalled / 1e6,
            parts.length > 1 ? parts[1].replace("\"", "'") : ""));
    System.out.flush();
    Platform.exit();
    System.exit(0);
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }

  private static TableView<?> resultTable(Scene scene) {
    return (TableView<?>) scene.lookup(".result-table");
  }

  private static ScrollBar verticalBar(TableView<?> table) {
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b.isVisible()) {
        return b;
      }
    }
    return null;
  }

  /** Nodes in the scene graph under {@code n}: JavaFX visits each of them on every pulse. */
  private static int nodes(Node n) {
    int count = 1;
    if (n instanceof javafx.scene.Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        count += nodes(c);
      }
    }
    return count;
  }

  private static Scene sceneWithTiles(int tiles) {
    for (Window w : Window.getWindows()) {
      if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookupAll(".tile-slot").size() >= tiles) {
        return w.getScene();
      }
    }
    return null;
  }

  private static MouseEvent click(Node n) {
    var b = n.getLayoutBounds();
    return new MouseEvent(
        MouseEvent.MOUSE_CLICKED, b.getCenterX(), b.getCenterY(), 0, 0, MouseButton.PRIMARY, 1,
        false, false, false, false, true, false, false, true, false, false, null);
  }

  private static <T> T waitFor(Supplier<T> probe, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try {
        T t = onFx(probe::get);
        if (t != null) {
          return t;
        }
      } catch (IllegalStateException toolkitNotYetStarted) {
        // the window is not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the window did not show " + seconds + " s after start");
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    var f = new CompletableFuture<T>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.call());
          } catch (Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(60, TimeUnit.SECONDS);
  }
}
