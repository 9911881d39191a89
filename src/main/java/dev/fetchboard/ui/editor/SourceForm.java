package dev.fetchboard.ui.editor;

import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;

/** The part of the panel form that depends on the kind of panel: the HTTP request or the query. */
interface SourceForm {
  /** Fills the fields from {@code panel}, without reporting edits. */
  void load(PanelSpec panel);

  /** Adds this form's rows to {@code grid} from {@code row}; returns the next free row. */
  int layout(GridPane grid, int row);

  /**
   * {@code common} (id, title, view, refresh, checks as the form shows them) with this form's
   * source; problems of text that cannot be read go to {@code problems}.
   */
  PanelSpec build(PanelSpec common, List<Problem> problems);

  /** Buttons shown beside Run and Stop. */
  List<Node> buttons();

  /** The field a new panel's user fills in first: the URL, the SQL. */
  Node firstField();

  /**
   * True when {@code p} only says a field is still empty (a new panel's URL or SQL): not shown in
   * red until the user edits the form.
   */
  default boolean unfilled(Problem p) {
    return false;
  }

  /** {@code p} in words for the person filling in this form (the validator's are terse). */
  default Problem plain(Problem p) {
    return p;
  }

  /** A starting point for the Checks box: checks that make sense for this kind of panel. */
  String checksHint();
}
