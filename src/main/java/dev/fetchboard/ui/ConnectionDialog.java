package dev.fetchboard.ui;

import dev.fetchboard.engine.Workers;
import dev.fetchboard.sql.ConnectionCheck;
import dev.fetchboard.workspace.ConnectionSpec;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** "New connection": a name, a postgresql:// URL and a password reference, with a Test button. */
final class ConnectionDialog extends Dialog<ConnectionDialog.Result> {
  /** What the dialog gives back. */
  record Result(String name, ConnectionSpec spec) {}

  ConnectionDialog(Function<ConnectionSpec, ConnectionCheck> tester) {
    setTitle("New connection");
    var name = new TextField("db");
    var url = new TextField("postgresql://postgres@127.0.0.1:5432/postgres");
    var password = new TextField();
    password.setPromptText("${env:DB_PASSWORD}, or empty for PGPASSWORD / ~/.pgpass");
    var outcome = new Label();
    outcome.setWrapText(true);
    outcome.setMaxWidth(460);
    var test = new Button("Test");
    test.setOnAction(
        e -> {
          test.setDisable(true);
          outcome.setText("connecting…");
          var spec = spec(url.getText(), password.getText());
          // Connecting is I/O: off the FX thread, with the answer handed back once.
          Executors.newThreadPerTaskExecutor(Workers.virtual("test-connection"))
              .execute(
                  () -> {
                    ConnectionCheck c = tester.apply(spec);
                    Platform.runLater(
                        () -> {
                          test.setDisable(false);
                          outcome.setText(
                              c.ok()
                                  ? "✔ " + c.message() + " (" + c.latency().toMillis() + " ms)"
                                  : "✘ " + c.message());
                        });
                  });
        });
    var grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    grid.addRow(0, new Label("Name"), name);
    grid.addRow(1, new Label("URL"), url);
    grid.addRow(2, new Label("Password"), password);
    grid.addRow(3, test, outcome);
    url.setPrefColumnCount(34);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(
        b ->
            b == ButtonType.OK && !name.getText().isBlank()
                ? new Result(name.getText().strip(), spec(url.getText(), password.getText()))
                : null);
  }

  private static ConnectionSpec spec(String url, String password) {
    return new ConnectionSpec(
        url.strip(),
        null,
        null,
        null,
        null,
        password.isBlank() ? null : password.strip(),
        null,
        null,
        null,
        null);
  }
}
