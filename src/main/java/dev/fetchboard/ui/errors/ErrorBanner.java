package dev.fetchboard.ui.errors;

import dev.fetchboard.errors.ErrorSink;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A non-modal bar across the window saying an unexpected error happened: the window keeps working,
 * Copy details puts the trace on the clipboard and Open log opens the log file. It never shows a
 * trace itself. Hidden until the first error; repeated errors update one bar.
 */
public final class ErrorBanner extends HBox {
  private final Label message = new Label();
  // Straight to the FX thread, not through UiExecutor: UiExecutor reports its failures to the sink
  // that calls this, and a failure here must not come back here in a loop.
  private final Consumer<ErrorSink.Report> listener = r -> Platform.runLater(() -> show(r));
  private ErrorSink.Report last;
  private int count;

  /** {@code openLog} is called on the FX thread when Open log is pressed. */
  public ErrorBanner(Runnable openLog) {
    setId("error-banner");
    getStyleClass().addAll("banner", "error-banner");
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);
    message.getStyleClass().add("error-banner-message");
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    var copy = new Button("Copy details");
    copy.setId("copy-error-details");
    copy.setOnAction(e -> copyDetails());
    var open = new Button("Open log");
    open.setId("open-log");
    open.setOnAction(e -> openLog.run());
    var close = new Button("✕");
    close.setId("dismiss-error");
    close.setTooltip(new Tooltip("Dismiss"));
    close.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
    close.setOnAction(e -> dismiss());
    getChildren().addAll(message, copy, open, close);
    setVisible(false);
    managedProperty().bind(visibleProperty());
  }

  /** Shows the errors {@code errors} reports from now on (from any thread). */
  public void listenTo(ErrorSink errors) {
    errors.addListener(listener);
  }

  public void stopListening(ErrorSink errors) {
    errors.removeListener(listener);
  }

  /** Shows one report (FX thread). */
  public void show(ErrorSink.Report report) {
    last = report;
    count++;
    message.setText(
        "Something went wrong"
            + (count > 1 ? " (" + count + " times)" : "")
            + ". The window keeps working; the details are in the log.");
    message.setTooltip(new Tooltip(report.summary()));
    setVisible(true);
  }

  /** The trace of the last error, as Copy details puts it on the clipboard (null: none). */
  public String details() {
    return last == null ? null : "Thread: " + last.thread() + "\n" + last.details();
  }

  private void copyDetails() {
    var content = new ClipboardContent();
    content.putString(details());
    Clipboard.getSystemClipboard().setContent(content);
  }

  private void dismiss() {
    setVisible(false);
    count = 0;
  }
}
