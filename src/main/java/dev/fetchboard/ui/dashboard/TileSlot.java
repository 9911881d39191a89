package dev.fetchboard.ui.dashboard;

import dev.fetchboard.workspace.ViewKind;
import javafx.scene.layout.StackPane;

/**
 * The fixed-size place of one tile in the dashboard grid. The grid lays out slots, never tiles, so
 * a result that changes what a tile shows never re-lays the grid out, and a slot keeps its place
 * while its tile is out of the scene (off screen).
 */
final class TileSlot extends StackPane {
  /** Height of a tile; a chart tile is taller so its compact chart has room. */
  static final double TILE_HEIGHT = 160;

  static final double CHART_TILE_HEIGHT = 188;

  private final TileView tile;

  TileSlot(TileView tile) {
    this.tile = tile;
    getStyleClass().add("tile-slot");
    tile.viewModel().specProperty().addListener((o, a, b) -> fitHeight());
    fitHeight();
  }

  TileView tile() {
    return tile;
  }

  void setSlotWidth(double width) {
    setMinWidth(width);
    setPrefWidth(width);
    setMaxWidth(width);
  }

  /** Puts the tile in the scene or takes it out; a tile put back gets its styles at once. */
  void attach(boolean attached) {
    if (attached == (tile.getParent() == this)) {
      return;
    }
    if (attached) {
      getChildren().setAll(tile);
      // Styled now, so the frame that first shows it lays it out with its real sizes.
      tile.applyCss();
    } else {
      getChildren().clear();
    }
  }

  boolean attached() {
    return tile.getParent() == this;
  }

  private void fitHeight() {
    double h =
        tile.viewModel().spec().viewOrDefault() == ViewKind.CHART ? CHART_TILE_HEIGHT : TILE_HEIGHT;
    setMinHeight(h);
    setPrefHeight(h);
    setMaxHeight(h);
  }
}
