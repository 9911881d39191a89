package dev.fetchboard.ui.dashboard;

import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

/**
 * The responsive grid of tiles, one per panel; clicking a tile selects its panel.
 *
 * <p>Only tiles on screen (and a row either side) are in the scene. JavaFX visits every node of a
 * scene on every frame (bounds, styles), and 200 tiles are thousands of nodes, so tiles off screen
 * would cost each frame though nobody sees them. Each tile keeps its place in a fixed-size {@link
 * TileSlot}, so the grid's layout never depends on which tiles are in.
 */
public final class DashboardView extends ScrollPane {
  /** Tiles are never narrower than this; wider space is shared out so no empty strip remains. */
  static final double MIN_TILE_WIDTH = 280;

  private static final double GAP = 12;
  private static final String SELECTED = "selected";
  private final FlowPane grid =
      new FlowPane(GAP, GAP) {
        @Override
        protected void layoutChildren() {
          super.layoutChildren();
          // Slots may have moved (columns changed, panels added): put in the tiles now on screen.
          attachVisible();
        }
      };
  private final Map<PanelViewModel, TileSlot> tiles = new HashMap<>();
  private final WorkspaceViewModel model;
  private final UiExecutor ui;

  public DashboardView(WorkspaceViewModel model, UiExecutor ui) {
    this.model = model;
    this.ui = ui;
    getStyleClass().add("dashboard");
    grid.setPadding(new Insets(GAP));
    grid.getStyleClass().add("dashboard-grid");
    var empty = new Label("No panels yet — add one with “+ HTTP” or “+ SQL” in the toolbar.");
    empty.getStyleClass().add("dashboard-empty");
    var stack = new StackPane(grid, empty);
    // The tiles fill from the top left; the hint of an empty dashboard sits in the middle of the
    // view, so the stack is at least as tall as the view.
    StackPane.setAlignment(grid, javafx.geometry.Pos.TOP_LEFT);
    stack.minHeightProperty().bind(viewportBoundsProperty().map(b -> b.getHeight()));
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.panels()));
    setContent(stack);
    setFitToWidth(true);
    grid.prefWrapLengthProperty().bind(widthProperty().subtract(30));
    viewportBoundsProperty()
        .addListener(
            (o, a, b) -> {
              fitColumns();
              attachVisible();
            });
    vvalueProperty().addListener((o, a, b) -> attachVisible());
    model.panels().addListener((ListChangeListener<PanelViewModel>) c -> rebuild());
    model.selectedProperty().addListener((o, a, b) -> select(a, b));
    rebuild();
  }

  /** Updates "time since last run" on every tile. */
  public void tick(Instant now) {
    tiles.values().forEach(t -> t.tile().tick(now));
  }

  private void rebuild() {
    grid.getChildren().clear();
    var keep = new HashMap<PanelViewModel, TileSlot>();
    for (PanelViewModel vm : model.panels()) {
      TileSlot slot = tiles.get(vm);
      if (slot == null) {
        var tile = new TileView(vm, ui);
        tile.setOnMouseClicked(e -> model.select(vm));
        slot = new TileSlot(tile);
      }
      keep.put(vm, slot);
      grid.getChildren().add(slot);
    }
    for (var gone : tiles.entrySet()) {
      if (!keep.containsKey(gone.getKey())) {
        gone.getValue().dispose();
      }
    }
    tiles.clear();
    tiles.putAll(keep);
    fitColumns();
    select(null, model.selectedProperty().get());
  }

  /** As many columns as fit at the minimum width, each stretched to share the rest of the row. */
  private void fitColumns() {
    double width = getViewportBounds().getWidth() - 2 * GAP;
    if (width <= 0) {
      return;
    }
    int columns = Math.max(1, (int) ((width + GAP) / (MIN_TILE_WIDTH + GAP)));
    double tileWidth = Math.floor((width - GAP * (columns - 1)) / columns);
    for (TileSlot slot : tiles.values()) {
      slot.setSlotWidth(Math.max(MIN_TILE_WIDTH, tileWidth));
    }
  }

  /**
   * Puts the tiles whose slots are in view, or within a row of it, in the scene and takes the
   * others out. Slots are laid out whether or not their tile is in, so their bounds are known.
   */
  private void attachVisible() {
    var view = getViewportBounds();
    double contentHeight = grid.getHeight();
    double top = getVvalue() * Math.max(0, contentHeight - view.getHeight());
    double margin = TileSlot.CHART_TILE_HEIGHT + GAP;
    double from = top - margin;
    double to = top + view.getHeight() + margin;
    for (TileSlot slot : tiles.values()) {
      var b = slot.getBoundsInParent();
      // A new slot has no size until the grid lays it out, which calls this again.
      slot.attach(b.getHeight() > 0 && b.getMaxY() >= from && b.getMinY() <= to);
    }
  }

  private void select(PanelViewModel old, PanelViewModel now) {
    // Every tile but the selected one loses the mark: a list change (a panel added) and a
    // selection change come in either order, and a mark added twice must not outlive one removal.
    for (var entry : tiles.entrySet()) {
      var styles = entry.getValue().tile().getStyleClass();
      boolean selected = entry.getKey() == now;
      if (!selected) {
        styles.removeAll(SELECTED);
      } else if (!styles.contains(SELECTED)) {
        styles.add(SELECTED);
      }
    }
    if (now != null && tiles.containsKey(now)) {
      // A panel just added (or selected from the menu) may be below the fold: bring it in.
      ui.onFx(() -> reveal(tiles.get(now)));
    }
  }

  /** Scrolls as little as needed for {@code slot} to be wholly in view. */
  private void reveal(TileSlot slot) {
    if (slot == null) {
      return;
    }
    layout();
    double view = getViewportBounds().getHeight();
    double range = grid.getHeight() - view;
    var b = slot.getBoundsInParent();
    if (range <= 0 || b.getHeight() <= 0) {
      return;
    }
    double top = getVvalue() * range;
    if (b.getMinY() < top) {
      setVvalue(b.getMinY() / range);
    } else if (b.getMaxY() > top + view) {
      setVvalue(Math.min(1, (b.getMaxY() - view) / range));
    }
  }
}
