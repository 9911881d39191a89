package dev.fetchboard.ui.sqlassist;

import dev.fetchboard.sql.assist.SqlProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Shows problems in the SQL editor: each underlined (style class {@code sql-error}) with its
 * message as a tooltip, and the first one in words under the editor.
 */
final class LiveCheck {
  static final String ERROR_STYLE = "sql-error";

  private final CodeArea area;
  private final Label message = new Label();
  private final Tooltip tip = new Tooltip();
  private List<SqlProblem> shown = List.of();

  LiveCheck(CodeArea area) {
    this.area = area;
    message.setId("sql-check");
    message.getStyleClass().add("sql-check-message");
    message.setWrapText(true);
    area.setMouseOverTextDelay(java.time.Duration.ofMillis(400));
    area.addEventHandler(
        MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
        e -> {
          SqlProblem p = at(e.getCharacterIndex());
          if (p != null) {
            tip.setText(p.message());
            tip.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 14);
          }
        });
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> tip.hide());
  }

  Label message() {
    return message;
  }

  List<SqlProblem> shown() {
    return shown;
  }

  /** Shows {@code problems} (for the text now in the editor) instead of the ones shown. */
  void show(List<SqlProblem> problems, String text) {
    mark(shown, false);
    shown = List.copyOf(problems);
    mark(shown, true);
    if (shown.isEmpty()) {
      message.setText("");
      return;
    }
    SqlProblem first = shown.getFirst();
    int[] at = first.lineColumn(text);
    message.setText(
        "line "
            + at[0]
            + ", column "
            + at[1]
            + ": "
            + first.message()
            + (shown.size() > 1 ? " (and " + (shown.size() - 1) + " more)" : ""));
  }

  /** Puts the underlines back after the highlighter restyled the text. */
  void restyle() {
    mark(shown, true);
  }

  /** Forgets what is shown (the text changed; a new check follows). */
  void clear() {
    shown = List.of();
  }

  private SqlProblem at(int index) {
    for (SqlProblem p : shown) {
      if (index >= p.start() && index < Math.max(p.end(), p.start() + 1)) {
        return p;
      }
    }
    return null;
  }

  private void mark(List<SqlProblem> problems, boolean on) {
    int length = area.getLength();
    for (SqlProblem p : problems) {
      int from = Math.min(p.start(), length);
      int to = Math.min(Math.max(p.end(), from + 1), length);
      if (from >= to) {
        continue;
      }
      area.setStyleSpans(
          from,
          area.getStyleSpans(from, to)
              .mapStyles(
                  styles -> {
                    Collection<String> out = new ArrayList<>(styles);
                    out.remove(ERROR_STYLE);
                    if (on) {
                      out.add(ERROR_STYLE);
                    }
                    return out;
                  }));
    }
  }
}
