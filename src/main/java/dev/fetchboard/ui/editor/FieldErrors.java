package dev.fetchboard.ui.editor;

import atlantafx.base.theme.Styles;
import dev.fetchboard.workspace.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Error labels under form fields, each showing the problems whose path starts with its key; the
 * fields themselves are marked (the theme's danger state: a red border) while they have one.
 */
final class FieldErrors {
  private final Map<String, Label> labels = new LinkedHashMap<>();
  private final Map<Label, List<Node>> marked = new HashMap<>();

  /**
   * A label for problems at {@code key} (e.g. "http.url") or below it ("http.headers.X"); {@code
   * fields} are marked while it shows one.
   */
  Label label(String key, Node... fields) {
    var l = new Label();
    l.getStyleClass().add("field-error");
    l.setWrapText(true);
    l.managedProperty().bind(l.visibleProperty());
    l.setVisible(false);
    labels.put(key, l);
    marked.put(l, List.of(fields));
    return l;
  }

  /** Forgets every label (the form is laid out anew for another panel). */
  void clear() {
    for (var fields : marked.values()) {
      fields.forEach(f -> f.pseudoClassStateChanged(Styles.STATE_DANGER, false));
    }
    labels.clear();
    marked.clear();
  }

  /** Shows problems at their fields; returns those no field claimed. */
  List<Problem> show(List<Problem> problems) {
    var texts = new LinkedHashMap<Label, StringBuilder>();
    var unclaimed = new ArrayList<Problem>();
    for (Problem p : problems) {
      Label target = null;
      int best = -1;
      for (var e : labels.entrySet()) {
        String key = e.getKey();
        if ((p.where().equals(key)
                || p.where().startsWith(key + ".")
                || p.where().startsWith(key + "["))
            && key.length() > best) {
          target = e.getValue();
          best = key.length();
        }
      }
      if (target == null) {
        unclaimed.add(p);
      } else {
        var sb = texts.computeIfAbsent(target, k -> new StringBuilder());
        if (!sb.isEmpty()) {
          sb.append('\n');
        }
        sb.append(p.message());
      }
    }
    for (Label l : labels.values()) {
      StringBuilder sb = texts.get(l);
      l.setText(sb == null ? "" : sb.toString());
      l.setVisible(sb != null);
      marked.get(l).forEach(f -> f.pseudoClassStateChanged(Styles.STATE_DANGER, sb != null));
    }
    return unclaimed;
  }
}
