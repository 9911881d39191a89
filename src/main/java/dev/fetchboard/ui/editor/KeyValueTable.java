package dev.fetchboard.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Editable name/value rows with Add and a remove button per row (headers, query parameters, SQL
 * parameters). Values whose name looks secret are masked until the row's Show is pressed. Holds at
 * most {@link #MAX_ROWS} rows and says so when full.
 */
final class KeyValueTable extends VBox {
  static final int MAX_ROWS = 100;

  /** One row as the user sees it. */
  record Entry(String name, String value) {}

  private final String namePrompt;
  private final String valuePrompt;
  private final Predicate<String> secret;
  private final VBox rowsBox = new VBox(4);
  private final Button add = new Button("Add");
  private final Label full = new Label("at most " + MAX_ROWS + " rows");
  private final List<RowView> rows = new ArrayList<>();
  private Runnable onEdit = () -> {};
  private boolean setting;

  /**
   * @param secret which names hold secrets (their values are masked); never for none
   */
  KeyValueTable(String namePrompt, String valuePrompt, Predicate<String> secret) {
    super(4);
    this.namePrompt = namePrompt;
    this.valuePrompt = valuePrompt;
    this.secret = secret;
    getStyleClass().add("key-value-table");
    add.getStyleClass().add("kv-add");
    add.setOnAction(
        e -> {
          addRow("", "").name.requestFocus();
          edited();
        });
    full.getStyleClass().add("field-label");
    full.managedProperty().bind(full.visibleProperty());
    full.setVisible(false);
    getChildren().addAll(rowsBox, new HBox(8, add, full));
  }

  /** Called after every change the user makes (not after {@link #setEntries}). */
  void onEdit(Runnable action) {
    this.onEdit = action;
  }

  /** Every row that has a name or a value, in order. */
  List<Entry> entries() {
    var out = new ArrayList<Entry>();
    for (RowView r : rows) {
      if (!r.name.getText().isEmpty() || !r.value.getText().isEmpty()) {
        out.add(new Entry(r.name.getText(), r.value.getText()));
      }
    }
    return out;
  }

  /**
   * Shows {@code entries}, reusing the row controls already there so a field being typed in keeps
   * its focus and caret. Entries past {@link #MAX_ROWS} are not shown, and the table says so.
   */
  void setEntries(List<Entry> entries) {
    setting = true;
    try {
      int n = Math.min(entries.size(), MAX_ROWS);
      while (rows.size() > n) {
        removeView(rows.getLast());
      }
      for (int i = 0; i < n; i++) {
        Entry e = entries.get(i);
        if (i < rows.size()) {
          setIfDifferent(rows.get(i).name, e.name());
          rows.get(i).value.setText(e.value());
        } else {
          addRow(e.name(), e.value());
        }
      }
      full.setText(
          entries.size() > MAX_ROWS
              ? "showing the first " + MAX_ROWS + " of " + entries.size() + " rows"
              : "at most " + MAX_ROWS + " rows");
      limits(entries.size());
    } finally {
      setting = false;
    }
  }

  /** Masks every secret value again (the table now shows another panel). */
  void conceal() {
    rows.forEach(r -> r.value.conceal());
  }

  private static void setIfDifferent(TextField field, String text) {
    if (!field.getText().equals(text)) {
      field.setText(text);
    }
  }

  private RowView addRow(String name, String value) {
    var row = new RowView(name, value);
    rows.add(row);
    rowsBox.getChildren().add(row.box);
    limits(rows.size());
    return row;
  }

  private void removeView(RowView row) {
    rows.remove(row);
    rowsBox.getChildren().remove(row.box);
    limits(rows.size());
  }

  private void limits(int count) {
    add.setDisable(count >= MAX_ROWS);
    full.setVisible(count >= MAX_ROWS);
  }

  private void edited() {
    if (!setting) {
      onEdit.run();
    }
  }

  /** The controls of one row: name, value (masked when secret), remove. */
  private final class RowView {
    final TextField name = new TextField();
    final SecretField value = new SecretField("kv-value");
    final HBox box;

    RowView(String nameText, String valueText) {
      name.setText(nameText);
      value.setText(valueText);
      name.setPromptText(namePrompt);
      value.setPromptText(valuePrompt);
      name.getStyleClass().addAll("kv-name", "mono");
      name.setPrefColumnCount(14);
      var remove = new Button("✕");
      remove.getStyleClass().add("kv-remove");
      remove.setTooltip(new Tooltip("Remove this row"));
      remove.setOnAction(
          e -> {
            removeView(this);
            edited();
          });
      HBox.setHgrow(value, Priority.ALWAYS);
      box = new HBox(6, name, value, remove);
      name.textProperty()
          .addListener(
              (o, a, b) -> {
                mask();
                edited();
              });
      value.textProperty().addListener((o, a, b) -> edited());
      mask();
    }

    private void mask() {
      value.setSecret(secret.test(name.getText().strip()));
    }
  }
}
