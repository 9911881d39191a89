package dev.fetchboard.ui.model;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo of what is done to whole panels: add, duplicate, delete, move. Each step is a
 * change that knows its inverse, so undoing a delete does not also undo form edits made since; a
 * deleted panel comes back with its last result. Bounded to {@link #LIMIT} steps.
 */
public final class PanelHistory {
  /** Steps kept; older ones are forgotten. */
  public static final int LIMIT = 100;

  private final WorkspaceViewModel model;
  private final Deque<Change> undo = new ArrayDeque<>();
  private final Deque<Change> redo = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

  public PanelHistory(WorkspaceViewModel model) {
    this.model = model;
  }

  private sealed interface Change {
    void apply(WorkspaceViewModel m);

    void revert(WorkspaceViewModel m);

    String describe();
  }

  private record Added(PanelViewModel vm, int index) implements Change {
    public void apply(WorkspaceViewModel m) {
      m.insert(vm, index);
    }

    public void revert(WorkspaceViewModel m) {
      m.remove(vm);
    }

    public String describe() {
      return "add '" + vm.spec().displayTitle() + "'";
    }
  }

  private record Removed(PanelViewModel vm, int index) implements Change {
    public void apply(WorkspaceViewModel m) {
      m.remove(vm);
    }

    public void revert(WorkspaceViewModel m) {
      m.insert(vm, index);
    }

    public String describe() {
      return "delete '" + vm.spec().displayTitle() + "'";
    }
  }

  private record Moved(PanelViewModel vm, int from, int to) implements Change {
    public void apply(WorkspaceViewModel m) {
      m.move(vm, to);
    }

    public void revert(WorkspaceViewModel m) {
      m.move(vm, from);
    }

    public String describe() {
      return "move '" + vm.spec().displayTitle() + "'";
    }
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** Adds an empty HTTP or SQL panel, undoably. */
  public void add(boolean sql) {
    PanelViewModel vm = model.add(sql);
    record(new Added(vm, model.panels().indexOf(vm)));
  }

  /** Adds a Redis panel (undoable like the others). */
  public void addRedis() {
    PanelViewModel vm = model.addRedis();
    record(new Added(vm, model.panels().indexOf(vm)));
  }

  /** Puts a copy of the selected panel right after it. */
  public void duplicateSelected() {
    PanelViewModel vm = model.selectedProperty().get();
    if (vm != null) {
      doing(new Added(model.copyOf(vm), model.panels().indexOf(vm) + 1));
    }
  }

  public void deleteSelected() {
    PanelViewModel vm = model.selectedProperty().get();
    if (vm != null) {
      doing(new Removed(vm, model.panels().indexOf(vm)));
      model.tell("deleted '" + vm.spec().displayTitle() + "' (Ctrl+Z brings it back)");
    }
  }

  /** Moves the selected panel {@code delta} places (negative: left). */
  public void moveSelected(int delta) {
    PanelViewModel vm = model.selectedProperty().get();
    if (vm == null) {
      return;
    }
    int from = model.panels().indexOf(vm);
    int to = from + delta;
    if (to >= 0 && to < model.panels().size()) {
      doing(new Moved(vm, from, to));
    }
  }

  public void undo() {
    Change c = undo.pollLast();
    if (c != null) {
      c.revert(model);
      redo.addLast(c);
      model.tell("undid " + c.describe());
      changed();
    }
  }

  public void redo() {
    Change c = redo.pollLast();
    if (c != null) {
      c.apply(model);
      undo.addLast(c);
      model.tell("redid " + c.describe());
      changed();
    }
  }

  /** Forgets every step (another workspace was opened). */
  public void clear() {
    undo.clear();
    redo.clear();
    changed();
  }

  private void doing(Change c) {
    c.apply(model);
    record(c);
  }

  private void record(Change c) {
    undo.addLast(c);
    if (undo.size() > LIMIT) {
      undo.removeFirst();
    }
    redo.clear();
    changed();
  }

  private void changed() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
  }
}
