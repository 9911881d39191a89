package dev.fetchboard.ui;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Workers;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * "New connection": a name, a postgresql:// URL and a password reference, with a Test button. The
 * test connects on a worker thread, can be cancelled, and says plainly whether it worked.
 */
final class ConnectionDialog extends Dialog<ConnectionDialog.Result> {
  /** What the dialog gives back. */
  record Result(String name, ConnectionSpec spec) {}

  private static final ExecutorService WORKER =
      Executors.newThreadPerTaskExecutor(Workers.virtual("test-connection"));

  private final Function<ConnectionSpec, ConnectionCheck> tester;
  private final TextField name = new TextField("db");
  private final TextField url = new TextField("postgresql://postgres@127.0.0.1:5432/postgres");
  private final TextField password = new TextField();
  private final Label outcome = new Label();
  private final Button test = new Button("Test");
  private final Button cancelTest = new Button("Cancel test");
  private Future<?> running;
  // Bumped by every test and cancel, so an answer that comes late is dropped.
  private long attempt;

  ConnectionDialog(Function<ConnectionSpec, ConnectionCheck> tester) {
    this.tester = tester;
    setTitle("New connection");
    name.setId("connection-name");
    url.setId("connection-url");
    password.setId("connection-password");
    test.setId("test-connection");
    cancelTest.setId("cancel-test");
    outcome.setId("test-outcome");
    password.setPromptText("${env:DB_PASSWORD}, or empty for PGPASSWORD / ~/.pgpass");
    outcome.setWrapText(true);
    outcome.setMaxWidth(460);
    cancelTest.setDisable(true);
    test.setOnAction(e -> startTest());
    cancelTest.setOnAction(e -> cancel("Test cancelled."));
    var grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    grid.addRow(0, new Label("Name"), name);
    grid.addRow(1, new Label("URL"), url);
    grid.addRow(2, new Label("Password"), password);
    grid.addRow(3, new HBox(6, test, cancelTest), outcome);
    url.setPrefColumnCount(34);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    // OK keeps the dialog open while what it would add is wrong, and says why.
    getDialogPane()
        .lookupButton(ButtonType.OK)
        .addEventFilter(
            ActionEvent.ACTION,
            e -> {
              List<Problem> problems = problems();
              if (!problems.isEmpty()) {
                e.consume();
                outcome.setText(
                    "✘ " + String.join("; ", problems.stream().map(Problem::message).toList()));
              }
            });
    setOnHidden(e -> cancel(""));
    setResultConverter(b -> b == ButtonType.OK ? new Result(name.getText().strip(), spec()) : null);
  }

  private void startTest() {
    List<Problem> problems = problems();
    if (!problems.isEmpty()) {
      outcome.setText("✘ " + problems.getFirst().message());
      return;
    }
    long mine = ++attempt;
    test.setDisable(true);
    cancelTest.setDisable(false);
    outcome.setText("Connecting…");
    ConnectionSpec spec = spec();
    // Connecting is I/O: off the FX thread, with the answer handed back once.
    running =
        WORKER.submit(
            () -> {
              ConnectionCheck c;
              try {
                c = tester.apply(spec);
              } catch (RuntimeException ex) {
                c = new ConnectionCheck(false, null, null, String.valueOf(ex.getMessage()));
              }
              ConnectionCheck answer = c;
              Platform.runLater(() -> report(mine, answer));
            });
  }

  private void report(long which, ConnectionCheck c) {
    if (which != attempt) {
      return;
    }
    test.setDisable(false);
    cancelTest.setDisable(true);
    outcome.setText(
        c.ok()
            ? "✔ "
                + c.message()
                + (c.latency() == null ? "" : " (" + c.latency().toMillis() + " ms)")
            : "✘ " + c.message());
  }

  private void cancel(String message) {
    attempt++;
    if (running != null) {
      running.cancel(true);
      running = null;
    }
    test.setDisable(false);
    cancelTest.setDisable(true);
    if (!message.isEmpty()) {
      outcome.setText(message);
    }
  }

  private List<Problem> problems() {
    String n = name.getText().strip();
    if (n.isEmpty()) {
      return List.of(new Problem("name", "a connection needs a name"));
    }
    return new WorkspaceValidator(false)
        .validate(Workspace.named("check").withConnections(Map.of(n, spec())));
  }

  private ConnectionSpec spec() {
    return new ConnectionSpec(
        url.getText().strip(),
        null,
        null,
        null,
        null,
        password.getText().isBlank() ? null : password.getText().strip(),
        null,
        null,
        null,
        null);
  }
}
