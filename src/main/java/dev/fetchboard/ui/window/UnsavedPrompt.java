package dev.fetchboard.ui.window;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** "Save changes to …?" with Save, Don't save and Cancel. */
final class UnsavedPrompt {
  enum Answer {
    SAVE,
    DONT_SAVE,
    CANCEL
  }

  static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
  static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

  private UnsavedPrompt() {}

  static Answer ask(Window owner, String workspaceName, String before) {
    var alert =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Your edits will be lost if you don't save them.",
            SAVE,
            DONT_SAVE,
            ButtonType.CANCEL);
    alert.setHeaderText("Save changes to " + workspaceName + " before " + before + "?");
    alert.getDialogPane().setId("unsaved-prompt");
    alert.initOwner(owner);
    ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
    if (answer == SAVE) {
      return Answer.SAVE;
    }
    return answer == DONT_SAVE ? Answer.DONT_SAVE : Answer.CANCEL;
  }
}
