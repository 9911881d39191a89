package dev.fetchboard.ui.editor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.YamlMapping;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Reading typed text into workspace values, and laying out labelled form rows. */
final class FormValues {
  static final ObjectMapper YAML = YamlMapping.newYamlMapper();
  // Names whose values are secrets: masked in the form (the validator refuses them in clear).
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "authorization|cookie|password|passwd|token|secret|api[-_]?key|credential|session");

  private FormValues() {}

  static boolean secretName(String name) {
    return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  static Duration duration(String text, String field, List<Problem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, e.getMessage()));
      return null;
    }
  }

  static String format(Duration d) {
    return d == null ? "" : Durations.format(d);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value).stripTrailing();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static TextArea area(int rows) {
    var a = new TextArea();
    a.setPrefRowCount(rows);
    a.setWrapText(false);
    a.getStyleClass().add("mono");
    return a;
  }

  /** Adds a labelled row (the field with its error labels under it); returns the next row index. */
  static int add(GridPane grid, int row, String label, Node field, Label... errorLabels) {
    var l = new Label(label);
    l.getStyleClass().add("field-label");
    // Labels keep their full text; the field beside them gives way instead.
    l.setMinWidth(Region.USE_PREF_SIZE);
    var box = new VBox(2, field);
    box.getChildren().addAll(errorLabels);
    GridPane.setHgrow(box, Priority.ALWAYS);
    grid.add(l, 0, row);
    grid.add(box, 1, row);
    return row + 1;
  }

  static GridPane grid() {
    var grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(4);
    return grid;
  }
}
