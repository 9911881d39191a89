package dev.fetchboard.ui.window;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file to open or save to; tests answer without a native dialog. */
public interface FileChoice {
  /** The file to open, or null when the user cancelled. */
  Path toOpen(Window owner);

  /** Where to save, or null when the user cancelled. */
  Path toSave(Window owner, String suggestedName);

  /** The system's file dialogs, filtered to workspace files. */
  static FileChoice dialogs() {
    return new FileChoice() {
      @Override
      public Path toOpen(Window owner) {
        var chooser = chooser("Open workspace");
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
      }

      @Override
      public Path toSave(Window owner, String suggestedName) {
        var chooser = chooser("Save workspace");
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
      }

      private static FileChooser chooser(String title) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser
            .getExtensionFilters()
            .add(new FileChooser.ExtensionFilter("Workspaces", "*.yaml", "*.yml"));
        return chooser;
      }
    };
  }
}
