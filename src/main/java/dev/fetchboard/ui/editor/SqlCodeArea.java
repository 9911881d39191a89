package dev.fetchboard.ui.editor;

import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.UiTask;
import java.util.Collection;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The SQL editor: a code area with line numbers and syntax highlighting. Short text is highlighted
 * at once; longer text on a worker thread after typing pauses, applied only if the text is still
 * the same; above {@link #HIGHLIGHT_LIMIT} characters highlighting is off, and the editor says so.
 */
final class SqlCodeArea extends VBox {
  /** Up to this many characters the highlighting is computed on the FX thread, as one types. */
  static final int SYNC_LIMIT = 10_000;

  /** Above this many characters nothing is highlighted. */
  static final int HIGHLIGHT_LIMIT = 500_000;

  private final CodeArea area = new CodeArea();
  private final Label notice = new Label();
  private final PauseTransition pause = new PauseTransition(Duration.millis(150));
  // Bumped on every edit, so a late result for older text is dropped.
  private long version;
  private boolean highlighted;
  private Runnable afterHighlight = () -> {};

  private final UiExecutor ui;
  private UiTask<StyleSpans<Collection<String>>> highlighting;

  SqlCodeArea(UiExecutor ui) {
    super(2);
    this.ui = ui;
    getStyleClass().add("sql-code-area");
    getStylesheets().add(SqlCodeArea.class.getResource("sql-code-area.css").toExternalForm());
    area.setId("sql");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    // Long lines wrap: a query is read whole, without scrolling sideways.
    area.setWrapText(true);
    var scroll = new VirtualizedScrollPane<>(area);
    scroll.setPrefHeight(160);
    scroll.setMinHeight(100);
    notice.getStyleClass().add("field-label");
    notice.managedProperty().bind(notice.visibleProperty());
    notice.setVisible(false);
    pause.setOnFinished(e -> highlightInBackground());
    area.textProperty().addListener((o, a, b) -> edited(b));
    getChildren().addAll(scroll, notice);
  }

  CodeArea area() {
    return area;
  }

  String getText() {
    return area.getText();
  }

  /** Replaces the text (a newly selected panel): nothing to undo back to. */
  void setText(String text) {
    if (!area.getText().equals(text)) {
      area.replaceText(text);
      area.getUndoManager().forgetHistory();
    }
  }

  void onText(Consumer<String> listener) {
    area.textProperty().addListener((o, a, b) -> listener.accept(b));
  }

  private void edited(String text) {
    version++;
    pause.stop();
    if (text.length() > HIGHLIGHT_LIMIT) {
      if (highlighted) {
        area.clearStyle(0, area.getLength());
        highlighted = false;
      }
      notice.setText(
          "Highlighting is off for SQL over " + String.format("%,d", HIGHLIGHT_LIMIT) + " chars.");
      notice.setVisible(true);
      return;
    }
    notice.setVisible(false);
    if (text.length() <= SYNC_LIMIT) {
      apply(SqlHighlighter.spans(text));
    } else {
      pause.playFromStart();
    }
  }

  private void highlightInBackground() {
    long asked = version;
    String text = area.getText();
    if (highlighting != null) {
      highlighting.cancel();
    }
    highlighting =
        ui.submit(
            "sql-highlight",
            () -> SqlHighlighter.spans(text),
            spans -> {
              if (asked == version) {
                apply(spans);
              }
            });
  }

  private void apply(StyleSpans<Collection<String>> spans) {
    area.setStyleSpans(0, spans);
    highlighted = true;
    afterHighlight.run();
  }

  /** Runs after each highlighting (the assist puts its problem underlines back). */
  void afterHighlight(Runnable action) {
    afterHighlight = action;
  }
}
