package dev.fetchboard.ui.editor;

import dev.fetchboard.workspace.AuthSpec;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Authentication: none, basic (user and password reference) or bearer (token reference). */
final class AuthFields extends HBox {
  private final ComboBox<String> kind = new ComboBox<>();
  private final TextField user = new TextField();
  private final SecretField secret = new SecretField("auth-secret");

  AuthFields(Runnable onChange) {
    super(6);
    kind.getItems().setAll("none", "basic", "bearer");
    kind.setId("auth-kind");
    user.setId("auth-user");
    user.setPromptText("user");
    user.managedProperty().bind(user.visibleProperty());
    secret.managedProperty().bind(secret.visibleProperty());
    secret.setPromptText("${env:API_TOKEN}  (a reference, never the secret)");
    secret.setSecret(true);
    kind.valueProperty()
        .addListener(
            (o, a, b) -> {
              user.setVisible("basic".equals(b));
              secret.setVisible(!"none".equals(b));
              onChange.run();
            });
    user.textProperty().addListener((o, a, b) -> onChange.run());
    secret.textProperty().addListener((o, a, b) -> onChange.run());
    HBox.setHgrow(secret, Priority.ALWAYS);
    getChildren().addAll(kind, user, secret);
  }

  void load(AuthSpec a) {
    secret.conceal();
    if (a == null) {
      kind.setValue("none");
      user.setText("");
      secret.setText("");
    } else if (a.basic() != null) {
      kind.setValue("basic");
      user.setText(FormValues.orEmpty(a.basic().user()));
      secret.setText(FormValues.orEmpty(a.basic().password()));
    } else {
      kind.setValue("bearer");
      user.setText("");
      secret.setText(FormValues.orEmpty(a.bearer()));
    }
  }

  AuthSpec build() {
    String k = kind.getValue();
    if ("basic".equals(k)) {
      return AuthSpec.basic(user.getText().strip(), FormValues.blankToNull(secret.getText()));
    }
    if ("bearer".equals(k)) {
      return AuthSpec.bearer(secret.getText().strip());
    }
    return null;
  }
}
