package dev.fetchboard.ui.editor;

import javafx.beans.property.StringProperty;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A text field that masks its value while it holds a secret, until Show is pressed, so a token is
 * not on screen for whoever looks over the shoulder (or at a screenshot).
 */
final class SecretField extends HBox {
  private final TextField plain = new TextField();
  private final PasswordField masked = new PasswordField();
  private final ToggleButton show = new ToggleButton("Show");
  private boolean secret;

  SecretField(String styleClass) {
    super(6);
    plain.getStyleClass().addAll(styleClass, "mono");
    masked.getStyleClass().addAll(styleClass + "-masked", "mono");
    masked.textProperty().bindBidirectional(plain.textProperty());
    masked.promptTextProperty().bind(plain.promptTextProperty());
    show.getStyleClass().add("show-secret");
    show.setMinWidth(Region.USE_PREF_SIZE);
    show.setTooltip(new Tooltip("Show the value"));
    show.managedProperty().bind(show.visibleProperty());
    show.selectedProperty().addListener((o, a, b) -> apply());
    var cell = new StackPane(plain, masked);
    HBox.setHgrow(cell, Priority.ALWAYS);
    getChildren().addAll(cell, show);
    apply();
  }

  StringProperty textProperty() {
    return plain.textProperty();
  }

  String getText() {
    return plain.getText();
  }

  void setText(String text) {
    if (!plain.getText().equals(text)) {
      plain.setText(text);
    }
  }

  void setPromptText(String text) {
    plain.setPromptText(text);
  }

  /** Whether the value is a secret: then it is masked unless Show is pressed. */
  void setSecret(boolean isSecret) {
    if (secret != isSecret) {
      secret = isSecret;
      apply();
    }
  }

  /** Masks the value again (another panel's value is shown in this field). */
  void conceal() {
    show.setSelected(false);
  }

  private void apply() {
    boolean hide = secret && !show.isSelected();
    show.setVisible(secret);
    masked.setVisible(hide);
    plain.setVisible(!hide);
  }
}
