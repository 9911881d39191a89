package dev.fetchboard.ui.result;

import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.AtomicFiles;
import dev.fetchboard.workspace.ByteSize;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * A response body of any size: cut into lines (and pretty-printed) on a worker thread, listed in a
 * virtualised list so only the visible lines are laid out, and saved whole to a file on a worker
 * thread. A text area would lay out all of it on the FX thread and freeze on megabytes.
 */
public final class BodyView extends BorderPane {
  private final ListView<String> lines = new ListView<>();
  private final Label info = new Label();
  private final Button save = new Button("Save body…");
  private final AtomicLong generation = new AtomicLong();
  private RunResult shown;

  public BodyView() {
    getStyleClass().add("body-view");
    lines.setId("body-lines");
    lines.getStyleClass().add("mono");
    // Fixed height cells: the list never measures lines it does not show.
    lines.setFixedCellSize(20);
    lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    lines.setOnKeyPressed(
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            copySelection();
          }
        });
    save.setId("save-body");
    save.setOnAction(e -> chooseFileAndSave());
    save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    info.getStyleClass().add("result-counts");
    info.setWrapText(true);
    HBox.setHgrow(info, Priority.ALWAYS);
    info.setMaxWidth(Double.MAX_VALUE);
    var bar = new HBox(8, info, save);
    bar.setPadding(new Insets(6));
    bar.setAlignment(Pos.CENTER_LEFT);
    setTop(bar);
    setCenter(lines);
    show(null);
  }

  /** Lines listed right now, as a read-only view (each line is cut out when read). */
  public List<String> shownLines() {
    return java.util.Collections.unmodifiableList(lines.getItems());
  }

  /** The line about the body: its size and anything changed for showing it. */
  public String info() {
    return info.getText();
  }

  /** Shows the body of {@code r}; the lines arrive a moment later, from a worker thread. */
  public void show(RunResult r) {
    shown = r;
    long mine = generation.incrementAndGet();
    lines.setItems(FXCollections.observableArrayList());
    boolean hasBody = body(r) != null;
    save.setDisable(!hasBody || binary(r));
    save.setTooltip(
        hasBody && binary(r)
            ? new Tooltip("Only a hex preview of a binary body is kept, so it cannot be saved")
            : new Tooltip("Write the whole body to a file"));
    if (!hasBody) {
      info.setText(r == null ? "" : "No body.");
      return;
    }
    String body = body(r);
    String contentType = contentType(r);
    String size = String.format("%,d characters", body.length());
    info.setText(size + " · preparing lines…");
    Thread.ofVirtual()
        .name("body-lines")
        .start(
            () -> {
              BodyLines prepared = BodyLines.of(body, contentType);
              Platform.runLater(
                  () -> {
                    if (generation.get() != mine) {
                      return;
                    }
                    lines.setItems(FXCollections.observableList(prepared.lines()));
                    info.setText(
                        String.format("%s · %,d lines", size, prepared.lines().size())
                            + (prepared.notice().isEmpty() ? "" : " · " + prepared.notice()));
                  });
            });
  }

  private void copySelection() {
    var content = new ClipboardContent();
    content.putString(String.join("\n", lines.getSelectionModel().getSelectedItems()));
    Clipboard.getSystemClipboard().setContent(content);
  }

  private void chooseFileAndSave() {
    if (body(shown) == null || getScene() == null) {
      return;
    }
    var chooser = new FileChooser();
    chooser.setTitle("Save body");
    chooser.setInitialFileName(
        contentType(shown) != null && contentType(shown).contains("json")
            ? "body.json"
            : "body.txt");
    var file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) {
      saveTo(file.toPath());
    }
  }

  /**
   * Writes the whole body to {@code target} on a worker thread (atomically), in the charset the
   * response declared, so a text body comes back as the bytes the server sent.
   */
  public Task<Long> saveTo(Path target) {
    RunResult r = shown;
    var task =
        new Task<Long>() {
          @Override
          protected Long call() throws Exception {
            byte[] bytes = body(r).getBytes(charset(contentType(r)));
            AtomicFiles.write(target, bytes);
            return (long) bytes.length;
          }
        };
    save.setDisable(true);
    task.setOnSucceeded(
        e -> {
          save.setDisable(false);
          info.setText("saved " + ByteSize.human(task.getValue()) + " to " + target.getFileName());
        });
    task.setOnFailed(
        e -> {
          save.setDisable(false);
          info.setText(
              "cannot save " + target.getFileName() + ": " + task.getException().getMessage());
        });
    Thread.ofVirtual().name("save-body").start(task);
    return task;
  }

  // The engine shows a binary body as a hex preview and says so in its notice.
  private static boolean binary(RunResult r) {
    return r.notice() != null && r.notice().startsWith("binary body");
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("charset=")) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The response body of an HTTP result, or null. */
  private static String body(RunResult r) {
    return r != null && r.payload() instanceof HttpExchange http ? http.body() : null;
  }

  private static String contentType(RunResult r) {
    return r != null && r.payload() instanceof HttpExchange http ? http.contentType() : null;
  }
}
