package dev.fetchboard.ui.window;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard shortcuts (F1): every shortcut, listed from the same table that installs them.
 */
public final class ShortcutSheet {
  private ShortcutSheet() {}

  /** The sheet's content: group headings, then one row per shortcut. */
  static GridPane table(Shortcuts shortcuts) {
    var grid = new GridPane();
    grid.getStyleClass().add("shortcut-sheet");
    grid.setHgap(24);
    grid.setVgap(4);
    int row = 0;
    String group = null;
    for (Shortcut s : shortcuts.all()) {
      if (!s.group().equals(group)) {
        group = s.group();
        var heading = new Label(group);
        heading.getStyleClass().add("shortcut-group");
        grid.add(heading, 0, row++, 2, 1);
      }
      var action = new Label(s.action());
      action.getStyleClass().add("shortcut-action");
      var keys = new Label(s.keysText());
      keys.getStyleClass().add("shortcut-keys");
      // Never cut to "Ctrl+Shift+Z or Ct…": the sheet is as wide as its longest line.
      action.setMinWidth(Region.USE_PREF_SIZE);
      keys.setMinWidth(Region.USE_PREF_SIZE);
      grid.add(action, 0, row);
      grid.add(keys, 1, row++);
    }
    return grid;
  }

  public static void show(Window owner, Shortcuts shortcuts) {
    var dialog = new Dialog<Void>();
    dialog.setTitle("Keyboard shortcuts");
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    var scroll = new ScrollPane(table(shortcuts));
    scroll.setPrefViewportHeight(460);
    scroll.setFitToWidth(true);
    // Its scroll bar always shows, so the sheet's width leaves room for it instead of the text
    // giving way when it appears.
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    dialog.getDialogPane().setContent(scroll);
    dialog.getDialogPane().setId("shortcut-sheet");
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.show();
  }
}
