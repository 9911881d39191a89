package dev.fetchboard.ui.window;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Notices across the top of the window that ask for a decision without blocking it (restore unsaved
 * edits, reload a file changed on disk). Each has an id; showing one again replaces it.
 */
public final class Banners extends VBox {
  /** A button on a banner; clicking it runs the action and dismisses the banner. */
  public record Choice(String text, Runnable action) {}

  private final Map<String, HBox> shown = new LinkedHashMap<>();

  public Banners() {
    getStyleClass().add("banners");
  }

  public void show(String id, String message, Choice... choices) {
    dismiss(id);
    var text = new Label(message);
    text.setWrapText(true);
    text.getStyleClass().add("banner-message");
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMaxWidth(Double.MAX_VALUE);
    var bar = new HBox(8, text);
    bar.setId(id);
    bar.getStyleClass().add("banner");
    bar.setAlignment(Pos.CENTER_LEFT);
    for (Choice c : choices) {
      var b = new Button(c.text());
      b.setOnAction(
          e -> {
            dismiss(id);
            c.action().run();
          });
      bar.getChildren().add(b);
    }
    shown.put(id, bar);
    getChildren().add(bar);
  }

  public void dismiss(String id) {
    HBox bar = shown.remove(id);
    if (bar != null) {
      getChildren().remove(bar);
    }
  }

  public boolean isShowing(String id) {
    return shown.containsKey(id);
  }
}
