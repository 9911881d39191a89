package dev.fetchboard.ui.window;

import dev.fetchboard.interop.ImportException;
import dev.fetchboard.interop.Importers;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File ▸ Import…: cURL, Postman, .http or OpenAPI, read off the FX thread and merged in. */
public final class ImportAction {
  private final WorkspaceViewModel model;
  private final UiExecutor ui;
  private final BiConsumer<String, String> problem;

  public ImportAction(WorkspaceViewModel model, UiExecutor ui, BiConsumer<String, String> problem) {
    this.model = model;
    this.ui = ui;
    this.problem = problem;
  }

  public void run(Window owner) {
    var chooser = new FileChooser();
    chooser.setTitle("Import requests");
    File file = chooser.showOpenDialog(owner);
    if (file == null) {
      return;
    }
    Path path = file.toPath();
    ui.execute(
        "import",
        () -> {
          try {
            var imported = Importers.read(path);
            ui.onFx(
                () -> {
                  model.importPanels(imported);
                  model.tell(
                      "imported "
                          + imported.panels().size()
                          + " panel(s) from "
                          + path.getFileName()
                          + (imported.notices().isEmpty()
                              ? ""
                              : " — " + String.join("; ", imported.notices())));
                });
          } catch (ImportException e) {
            ui.onFx(() -> problem.accept("Cannot import " + path.getFileName(), e.getMessage()));
          }
        });
  }
}
