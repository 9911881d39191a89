package dev.fetchboard.ui.dashboard;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A small line or bar drawing of a few numbers (recent latencies, a value's trend, a compact
 * chart); redrawn only when its data or its width changes.
 */
final class Sparkline extends Canvas {
  private Color stroke = Color.web("#0969da");
  private List<Double> values = List.of();
  private boolean bars;

  Sparkline(double width, double height) {
    super(width, height);
    getStyleClass().add("sparkline");
    widthProperty().addListener((o, a, b) -> redraw());
  }

  void setStroke(Color color) {
    stroke = color;
  }

  /** The numbers drawn last (for tests and the tooltip). */
  List<Double> values() {
    return values;
  }

  void draw(List<Double> newValues) {
    draw(newValues, false);
  }

  void draw(List<Double> newValues, boolean asBars) {
    values = List.copyOf(newValues);
    bars = asBars;
    redraw();
  }

  private void redraw() {
    GraphicsContext g = getGraphicsContext2D();
    double w = getWidth();
    double h = getHeight();
    g.clearRect(0, 0, w, h);
    if (values.isEmpty() || (!bars && values.size() < 2)) {
      return;
    }
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    // Drawn from zero, so heights compare as the numbers do.
    double low = Math.min(0, min);
    double span = max - low > 0 ? max - low : 1;
    if (bars) {
      g.setFill(stroke);
      double step = (w - 2) / values.size();
      for (int i = 0; i < values.size(); i++) {
        double top = h - 2 - ((values.get(i) - low) / span) * (h - 4);
        g.fillRect(1 + i * step, top, Math.max(1, step - 1), h - 2 - top);
      }
      return;
    }
    g.setStroke(stroke);
    g.setLineWidth(1.5);
    g.beginPath();
    for (int i = 0; i < values.size(); i++) {
      double x = i * (w - 2) / (values.size() - 1) + 1;
      double y = h - 2 - ((values.get(i) - low) / span) * (h - 4);
      if (i == 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    }
    g.stroke();
  }
}
