package dev.fetchboard.ui.dashboard;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of recent latencies; redrawn only when its data changes. */
final class Sparkline extends Canvas {
  private Color stroke = Color.web("#0969da");

  Sparkline(double width, double height) {
    super(width, height);
    getStyleClass().add("sparkline");
  }

  void setStroke(Color color) {
    stroke = color;
  }

  void draw(List<Double> values) {
    GraphicsContext g = getGraphicsContext2D();
    double w = getWidth();
    double h = getHeight();
    g.clearRect(0, 0, w, h);
    if (values.size() < 2) {
      return;
    }
    double max = 1;
    for (double v : values) {
      max = Math.max(max, v);
    }
    g.setStroke(stroke);
    g.setLineWidth(1.5);
    g.beginPath();
    for (int i = 0; i < values.size(); i++) {
      double x = i * (w - 2) / (values.size() - 1) + 1;
      double y = h - 2 - (values.get(i) / max) * (h - 4);
      if (i == 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    }
    g.stroke();
  }
}
