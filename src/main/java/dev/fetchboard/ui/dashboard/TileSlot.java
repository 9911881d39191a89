package dev.fetchboard.ui.dashboard;

import dev.fetchboard.workspace.ViewKind;
import javafx.scene.layout.Region;

/**
 * The fixed-size place of one tile in the dashboard grid. The grid lays out slots, never tiles, so
 * a result that changes what a tile shows never re-lays the grid out, and a slot keeps its place
 * while its tile is out of the scene (off screen). The tile is unmanaged, a layout root: when a
 * result changes its text, only the tile is laid out again, not the grid and the window around it.
 */
final class TileSlot extends Region {
  /** Height of a tile; a chart tile is taller so its compact chart has room. */
  static final double TILE_HEIGHT = 160;

  static final double CHART_TILE_HEIGHT = 188;

  private final TileView tile;
  private final javafx.util.Subscription specWatch;

  TileSlot(TileView tile) {
    this.tile = tile;
    getStyleClass().add("tile-slot");
    tile.setManaged(false);
    specWatch = tile.viewModel().specProperty().subscribe(s -> fitHeight());
  }

  /** Lets go of the panel: its tile left the dashboard for good. */
  void dispose() {
    specWatch.unsubscribe();
    tile.dispose();
  }

  @Override
  protected void layoutChildren() {
    if (attached()) {
      tile.resizeRelocate(0, 0, getWidth(), getHeight());
    }
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
    if (attached == attached()) {
      return;
    }
    if (attached) {
      getChildren().setAll(tile);
      // Styled and sized now, so the frame that first shows it lays it out with its real sizes.
      tile.applyCss();
      tile.resizeRelocate(0, 0, getWidth(), getHeight());
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
