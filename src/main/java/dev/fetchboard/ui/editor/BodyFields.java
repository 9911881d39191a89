package dev.fetchboard.ui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The request body: its kind (none, JSON, text, form) and its text. */
final class BodyFields extends VBox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_BODY = "no body";

  private final ComboBox<String> kind = new ComboBox<>();
  private final TextArea text = FormValues.area(4);

  BodyFields(Runnable onChange) {
    super(4);
    kind.getItems().setAll(NO_BODY, "json", "text", "form");
    kind.setId("body-kind");
    text.setId("body");
    text.setPromptText("{\"name\": \"${user}\"}   (form: one name=value per line)");
    text.managedProperty().bind(text.visibleProperty());
    kind.valueProperty()
        .addListener(
            (o, a, b) -> {
              text.setVisible(!NO_BODY.equals(b));
              onChange.run();
            });
    text.textProperty().addListener((o, a, b) -> onChange.run());
    getChildren().addAll(kind, text);
  }

  void load(BodySpec b) {
    if (b == null) {
      kind.setValue(NO_BODY);
      text.setText("");
    } else if (b.json() != null) {
      kind.setValue("json");
      text.setText(b.json().toPrettyString());
    } else if (b.form() != null) {
      kind.setValue("form");
      var sb = new StringBuilder();
      b.form().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      text.setText(sb.toString().stripTrailing());
    } else {
      kind.setValue("text");
      text.setText(FormValues.orEmpty(b.text()));
    }
  }

  BodySpec build(List<Problem> problems) {
    String k = kind.getValue();
    if (k == null || k.equals(NO_BODY)) {
      return null;
    }
    return switch (k) {
      case "json" -> {
        try {
          JsonNode node = JSON.readTree(text.getText().isBlank() ? "{}" : text.getText());
          yield BodySpec.json(node);
        } catch (java.io.IOException e) {
          problems.add(
              new Problem("http.body", "not valid JSON: " + FormValues.firstLine(e.getMessage())));
          yield null;
        }
      }
      case "form" -> BodySpec.form(formLines(problems));
      default -> BodySpec.text(null, text.getText());
    };
  }

  private Map<String, String> formLines(List<Problem> problems) {
    var out = new LinkedHashMap<String, String>();
    for (String line : text.getText().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int at = line.indexOf('=');
      if (at <= 0) {
        problems.add(new Problem("http.body", "write one “name=value” per line: " + line.strip()));
        continue;
      }
      out.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
    }
    return out;
  }
}
