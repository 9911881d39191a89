package dev.fetchboard.ui.window;

import java.util.List;
import javafx.scene.input.KeyCombination;

/**
 * One keyboard shortcut: where it belongs, what it does, its keys (the first is the one menus show)
 * and the action.
 */
public record Shortcut(String group, String action, List<KeyCombination> keys, Runnable run) {
  public Shortcut {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a shortcut needs a key: " + action);
    }
  }

  /** The key menus show. */
  public KeyCombination key() {
    return keys.getFirst();
  }

  /** "Ctrl+Shift+Z or Ctrl+Y", as the sheet lists it. */
  public String keysText() {
    return String.join(" or ", keys.stream().map(KeyCombination::getDisplayText).toList());
  }
}
