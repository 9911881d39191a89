package dev.fetchboard.ui.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The one table of keyboard shortcuts: it installs every accelerator in the scene, gives menu items
 * their keys, and is what the shortcut sheet lists, so the sheet cannot drift from what the keys
 * do. Keys that text fields use themselves (Delete, Ctrl+Z) still work there as text edits: the
 * scene sees a key only when the focused control did not take it.
 */
public final class Shortcuts {
  private final Map<String, Shortcut> byAction = new LinkedHashMap<>();

  /** Adds a shortcut; an action or a key used twice is a programming error. */
  public Shortcuts add(String group, String action, Runnable run, String... keys) {
    var combos = Arrays.stream(keys).map(KeyCombination::keyCombination).toList();
    for (Shortcut s : byAction.values()) {
      for (KeyCombination k : combos) {
        if (s.keys().contains(k)) {
          throw new IllegalArgumentException(k.getDisplayText() + " is taken by " + s.action());
        }
      }
    }
    if (byAction.putIfAbsent(action, new Shortcut(group, action, combos, run)) != null) {
      throw new IllegalArgumentException("two shortcuts for " + action);
    }
    return this;
  }

  /**
   * Lists keys a control handles itself (the menu bar's F10, copying table rows): shown on the
   * sheet, not installed.
   */
  public Shortcuts addBuiltIn(String group, String action, String... keys) {
    return add(group, action, null, keys);
  }

  public List<Shortcut> all() {
    return new ArrayList<>(byAction.values());
  }

  public Shortcut get(String action) {
    Shortcut s = byAction.get(action);
    if (s == null) {
      throw new IllegalArgumentException("no shortcut for " + action);
    }
    return s;
  }

  /** Puts every key of every shortcut into the scene's accelerators. */
  public void install(Scene scene) {
    for (Shortcut s : byAction.values()) {
      if (s.run() == null) {
        continue;
      }
      for (KeyCombination k : s.keys()) {
        scene.getAccelerators().put(k, s.run());
      }
    }
  }

  /** A menu item running the shortcut's action and showing its key; {@code text} may add "…". */
  public MenuItem menuItem(String action, String text) {
    Shortcut s = get(action);
    var item = new MenuItem(text);
    item.setAccelerator(s.key());
    item.setOnAction(e -> s.run().run());
    return item;
  }
}
