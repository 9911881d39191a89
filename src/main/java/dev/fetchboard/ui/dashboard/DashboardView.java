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
  private final FlowPane grid = new FlowPane(12, 12);
  private final Map<PanelViewModel, TileView> tiles = new HashMap<>();
  private final WorkspaceViewModel model;

  public DashboardView(WorkspaceViewModel model) {
    this.model = model;
    getStyleClass().add("dashboard");
    grid.setPadding(new Insets(12));
    grid.getStyleClass().add("dashboard-grid");
    var empty = new Label("No panels yet — add one with “+ HTTP” or “+ SQL” in the toolbar.");
    empty.getStyleClass().add("dashboard-empty");
    var stack = new StackPane(grid, empty);
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.panels()));
    setContent(stack);
    setFitToWidth(true);
    grid.prefWrapLengthProperty().bind(widthProperty().subtract(30));
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
    select(null, model.selectedProperty().get());
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
