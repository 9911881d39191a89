package dev.fetchboard.ui.dashboard;

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

/** The responsive grid of tiles, one per panel; clicking a tile selects its panel. */
public final class DashboardView extends ScrollPane {
  /** Tiles are never narrower than this; wider space is shared out so no empty strip remains. */
  static final double MIN_TILE_WIDTH = 280;

  private static final double GAP = 12;
  private final FlowPane grid = new FlowPane(GAP, GAP);
  private final Map<PanelViewModel, TileView> tiles = new HashMap<>();
  private final WorkspaceViewModel model;

  public DashboardView(WorkspaceViewModel model) {
    this.model = model;
    getStyleClass().add("dashboard");
    grid.setPadding(new Insets(GAP));
    grid.getStyleClass().add("dashboard-grid");
    var empty = new Label("No panels yet — add one with “+ HTTP” or “+ SQL” in the toolbar.");
    empty.getStyleClass().add("dashboard-empty");
    var stack = new StackPane(grid, empty);
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.panels()));
    setContent(stack);
    setFitToWidth(true);
    grid.prefWrapLengthProperty().bind(widthProperty().subtract(30));
    viewportBoundsProperty().addListener((o, a, b) -> fitColumns());
    model.panels().addListener((ListChangeListener<PanelViewModel>) c -> rebuild());
    model.selectedProperty().addListener((o, a, b) -> select(a, b));
    rebuild();
  }

  /** Updates "time since last run" on every tile. */
  public void tick(Instant now) {
    tiles.values().forEach(t -> t.tick(now));
  }

  private void rebuild() {
    grid.getChildren().clear();
    var keep = new HashMap<PanelViewModel, TileView>();
    for (PanelViewModel vm : model.panels()) {
      TileView tile = tiles.get(vm);
      if (tile == null) {
        tile = new TileView(vm);
        tile.setOnMouseClicked(e -> model.selectedProperty().set(vm));
      }
      keep.put(vm, tile);
      grid.getChildren().add(tile);
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
    for (TileView tile : tiles.values()) {
      tile.setPrefWidth(Math.max(MIN_TILE_WIDTH, tileWidth));
    }
  }

  private void select(PanelViewModel old, PanelViewModel now) {
    if (old != null && tiles.containsKey(old)) {
      tiles.get(old).getStyleClass().remove("selected");
    }
    if (now != null && tiles.containsKey(now)) {
      tiles.get(now).getStyleClass().add("selected");
    }
  }
}
