package dev.fetchboard.ui.window;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menu bar: File, Panels, Run and Help, with keys from the shortcut table. */
public final class MainMenu {
  private MainMenu() {}

  /** Actions the menus offer that have no shortcut. */
  public record Extras(
      Runnable importFile,
      Runnable addHttp,
      Runnable addSql,
      ObservableBooleanValue cannotUndo,
      ObservableBooleanValue cannotRedo) {}

  public static MenuBar build(
      Shortcuts keys, FileActions files, WindowSettings settings, Extras extras) {
    var recent = new Menu("Open Recent");
    recent.setId("open-recent");
    fillRecent(recent, files, settings);
    settings.property().addListener((o, a, b) -> fillRecent(recent, files, settings));
    var file =
        new Menu(
            "File",
            null,
            keys.menuItem("New workspace", "New"),
            keys.menuItem("Open a workspace", "Open…"),
            recent,
            item("Import…", extras.importFile()),
            new SeparatorMenuItem(),
            keys.menuItem("Save", "Save"),
            keys.menuItem("Save as", "Save As…"),
            new SeparatorMenuItem(),
            keys.menuItem("Quit", "Quit"));
    MenuItem undo = keys.menuItem("Undo", "Undo");
    undo.disableProperty().bind(extras.cannotUndo());
    MenuItem redo = keys.menuItem("Redo", "Redo");
    redo.disableProperty().bind(extras.cannotRedo());
    var panels =
        new Menu(
            "Panels",
            null,
            item("Add HTTP panel", extras.addHttp()),
            item("Add SQL panel", extras.addSql()),
            keys.menuItem("Duplicate panel", "Duplicate"),
            keys.menuItem("Delete panel", "Delete"),
            new SeparatorMenuItem(),
            undo,
            redo,
            new SeparatorMenuItem(),
            keys.menuItem("Move panel left", "Move left"),
            keys.menuItem("Move panel right", "Move right"));
    var run =
        new Menu(
            "Run",
            null,
            keys.menuItem("Run all panels", "Run all"),
            keys.menuItem("Run the selected panel", "Run panel"),
            keys.menuItem("Stop all runs", "Stop all"));
    var help = new Menu("Help", null, keys.menuItem("Keyboard shortcuts", "Keyboard shortcuts"));
    var bar = new MenuBar(file, panels, run, help);
    bar.setId("main-menu");
    return bar;
  }

  private static MenuItem item(String text, Runnable action) {
    var item = new MenuItem(text);
    item.setOnAction(e -> action.run());
    return item;
  }

  private static void fillRecent(Menu recent, FileActions files, WindowSettings settings) {
    List<String> paths = settings.recent();
    recent.getItems().clear();
    for (String p : paths) {
      Path path = Path.of(p);
      var item =
          item(path.getFileName() + "  —  " + path.getParent(), () -> files.openRecent(path));
      item.setMnemonicParsing(false);
      recent.getItems().add(item);
    }
    if (paths.isEmpty()) {
      var none = new MenuItem("No recent files");
      none.setDisable(true);
      recent.getItems().add(none);
    } else {
      recent.getItems().add(new SeparatorMenuItem());
      recent
          .getItems()
          .add(
              item(
                  "Clear recent files",
                  () -> settings.property().set(settings.get().withNoRecent())));
    }
  }
}
