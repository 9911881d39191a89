package dev.fetchboard.ui.window;

import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before saving panels that would not run: "Save anyway" or Cancel. */
final class SaveProblemsPrompt {
  static final ButtonType SAVE_ANYWAY = new ButtonType("Save anyway", ButtonBar.ButtonData.YES);

  /** Problems listed in the prompt; more are counted, not listed. */
  private static final int SHOWN = 5;

  private SaveProblemsPrompt() {}

  /** True when the user chose to save all the same. */
  static boolean saveAnyway(Window owner, Workspace ws, List<Problem> problems) {
    var lines = new StringBuilder();
    for (Problem p : problems.subList(0, Math.min(SHOWN, problems.size()))) {
      lines.append("• ").append(describe(ws, p)).append('\n');
    }
    if (problems.size() > SHOWN) {
      lines.append("… and ").append(problems.size() - SHOWN).append(" more\n");
    }
    lines.append("\nThe file will open again; these panels show what to fix.");
    var alert =
        new Alert(Alert.AlertType.WARNING, lines.toString(), SAVE_ANYWAY, ButtonType.CANCEL);
    alert.setHeaderText(
        problems.size() == 1
            ? "One panel would not run as it is"
            : problems.size() + " problems: some panels would not run as they are");
    alert.getDialogPane().setId("save-problems");
    alert.initOwner(owner);
    return alert.showAndWait().orElse(ButtonType.CANCEL) == SAVE_ANYWAY;
  }

  /** "'New request' (panels[3]): http.url: …", naming the panel as its tile does. */
  private static String describe(Workspace ws, Problem p) {
    var m =
        java.util.regex.Pattern.compile("panels\\[(\\d+)]\\.?").matcher(String.valueOf(p.where()));
    if (m.lookingAt()) {
      int i = Integer.parseInt(m.group(1));
      if (i < ws.panels().size()) {
        String rest = p.where().substring(m.end());
        return "'"
            + ws.panels().get(i).displayTitle()
            + "': "
            + (rest.isEmpty() ? "" : rest + ": ")
            + p.message();
      }
    }
    return p.describe();
  }
}
