package dev.fetchboard.ui.sqlassist;

import dev.fetchboard.sql.assist.Completion;
import dev.fetchboard.sql.assist.Suggestion;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/**
 * The list of completions under the caret: Up/Down choose, Enter or Tab insert, Escape closes;
 * typing goes on in the editor (the list follows it, see {@link SqlAssist}).
 */
final class CompletionPopup {
  private final CodeArea area;
  private final Popup popup = new Popup();
  private final ListView<Suggestion> list = new ListView<>();
  private Completion shown;

  CompletionPopup(CodeArea area) {
    this.area = area;
    list.setId("sql-completions");
    list.getStyleClass().add("sql-completions");
    list.setPrefSize(360, 220);
    list.setFocusTraversable(false);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.label() + "    " + s.detail());
              }
            });
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            accept();
          }
        });
    popup.getContent().add(list);
    popup.setAutoHide(true);
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
  }

  boolean isShowing() {
    return popup.isShowing();
  }

  /** Shows {@code completion}'s suggestions at the caret, or hides the list when there are none. */
  void show(Completion completion) {
    if (completion.suggestions().isEmpty() || area.getScene() == null) {
      hide();
      return;
    }
    shown = completion;
    list.getItems().setAll(completion.suggestions());
    list.getSelectionModel().selectFirst();
    list.scrollTo(0);
    if (!popup.isShowing()) {
      area.getCaretBounds().ifPresent(b -> popup.show(area, b.getMinX(), b.getMaxY() + 2));
    }
  }

  void hide() {
    popup.hide();
    shown = null;
  }

  /** The replacement start of what is shown (the caret moving before it closes the list). */
  int replaceFrom() {
    return shown == null ? -1 : shown.replaceFrom();
  }

  private void keys(KeyEvent e) {
    if (!popup.isShowing()) {
      return;
    }
    var selection = list.getSelectionModel();
    switch (e.getCode()) {
      case DOWN -> selection.selectNext();
      case UP -> selection.selectPrevious();
      case ENTER, TAB -> accept();
      case ESCAPE -> hide();
      default -> {
        return;
      }
    }
    if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
      list.scrollTo(selection.getSelectedIndex());
    }
    e.consume();
  }

  private void accept() {
    Suggestion s = list.getSelectionModel().getSelectedItem();
    Completion c = shown;
    hide();
    if (s != null && c != null && c.replaceFrom() <= area.getCaretPosition()) {
      area.replaceText(c.replaceFrom(), area.getCaretPosition(), s.insert());
    }
  }
}
