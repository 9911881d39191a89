package dev.fetchboard.ui.model;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.RefreshScheduler;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.ui.live.UiDispatcher;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open workspace as the window sees it: its panels' view-models, the selection, the file and
 * whether it has unsaved edits. Runs go to the engine; their events come back through the
 * dispatcher and are applied here, on the FX thread, once per frame.
 */
public final class WorkspaceViewModel {
  private static final java.util.regex.Pattern PANEL_PATH =
      java.util.regex.Pattern.compile("panels\\[(\\d+)]");

  private final Engine engine;
  private final UiDispatcher dispatcher;
  private final RefreshScheduler refresher;
  private final ReadOnlyObjectWrapper<Workspace> workspace =
      new ReadOnlyObjectWrapper<>(Workspace.named("Untitled"));
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper autoRefresh = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObservableList<PanelViewModel> panels = FXCollections.observableArrayList();
  // One wrapper for everyone: it forwards changes through a weak listener (see PanelViewModel).
  private final ObservableList<PanelViewModel> readOnlyPanels =
      FXCollections.unmodifiableObservableList(panels);
  private final ReadOnlyObjectWrapper<PanelViewModel> selected = new ReadOnlyObjectWrapper<>();
  private final Map<String, PanelViewModel> byId = new HashMap<>();

  public WorkspaceViewModel(Engine engine, UiDispatcher dispatcher) {
    this.engine = engine;
    this.dispatcher = dispatcher;
    this.refresher = new RefreshScheduler(engine, dispatcher);
    autoRefresh.addListener(
        (obs, was, on) -> {
          if (on) {
            refresher.start(workspace.get());
          } else {
            refresher.stop();
          }
        });
  }

  /** Read-only: every change goes through this model, so auto-refresh runs the current copy. */
  public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
    return workspace.getReadOnlyProperty();
  }

  public Workspace workspace() {
    return workspace.get();
  }

  /** The file the workspace was opened from or saved to, or null. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** True while there are edits not saved yet. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty autoRefreshProperty() {
    return autoRefresh.getReadOnlyProperty();
  }

  /** Refreshes each panel on its interval (on), or only when run (off). */
  public void setAutoRefresh(boolean on) {
    autoRefresh.set(on);
  }

  /** A line for the status bar about the last file action or problem. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Puts {@code text} in the status bar. */
  public void tell(String text) {
    message.set(text);
  }

  /** The panels in the order of the file (read-only: change them through this model). */
  public ObservableList<PanelViewModel> panels() {
    return readOnlyPanels;
  }

  public ReadOnlyObjectProperty<PanelViewModel> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** Selects {@code vm} (null: none). */
  public void select(PanelViewModel vm) {
    selected.set(vm);
  }

  /** The workspace shown differs from its file (recovered edits, a version kept over it). */
  public void markEdited() {
    dirty.set(true);
  }

  /** The workspace, unchanged, now lives in {@code to} (saved there while edits went on). */
  public void movedTo(Path to) {
    file.set(to);
  }

  public Engine engine() {
    return engine;
  }

  /** Shows another workspace (opened or new); panels' results start empty. */
  public void open(Workspace ws, Path from) {
    engine.reset();
    byId.clear();
    var vms = ws.panels().stream().map(PanelViewModel::new).toList();
    vms.forEach(vm -> byId.put(vm.id(), vm));
    panels.setAll(vms);
    workspace.set(ws);
    file.set(from);
    dirty.set(false);
    selected.set(vms.isEmpty() ? null : vms.getFirst());
    if (autoRefresh.get()) {
      refresher.start(ws);
    }
    engine.warmUp(ws);
  }

  /** Replaces a panel's spec by an edited one (same id) and marks the workspace edited. */
  public void update(PanelSpec edited) {
    PanelViewModel vm = byId.get(edited.id());
    if (vm == null) {
      return;
    }
    vm.edit(edited);
    // The form hands over only panels that would run.
    vm.specProblem(null);
    setWorkspace(workspace.get().withPanel(edited));
  }

  /**
   * Shows on each panel's tile what is wrong with it as opened ({@code panels[2].http.url: …});
   * returns the problems that belong to no panel.
   */
  public List<Problem> showProblems(List<Problem> problems) {
    var rest = new java.util.ArrayList<Problem>();
    var byPanel = new java.util.LinkedHashMap<PanelViewModel, List<String>>();
    for (Problem p : problems) {
      var m = PANEL_PATH.matcher(p.where() == null ? "" : p.where());
      int index = m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
      if (index < 0 || index >= panels.size()) {
        rest.add(p);
        continue;
      }
      String field = p.where().substring(m.end()).replaceFirst("^\\.", "");
      byPanel
          .computeIfAbsent(panels.get(index), k -> new java.util.ArrayList<>())
          .add(field.isEmpty() ? p.message() : field + ": " + p.message());
    }
    byPanel.forEach(
        (vm, lines) -> vm.specProblem("Cannot run as written: " + String.join("; ", lines)));
    return rest;
  }

  /** Adds an empty HTTP or SQL panel, selects it, and returns it. */
  public PanelViewModel add(boolean sql) {
    String id = freeId(sql ? "query" : "request");
    // "New request", "New request 2", …: tiles a user can tell apart before renaming them.
    String number = id.substring(id.lastIndexOf('-') + 1);
    String title = (sql ? "New query" : "New request") + (number.equals("1") ? "" : " " + number);
    Workspace ws = workspace.get();
    PanelSpec p =
        sql
            ? PanelSpec.sql(
                id,
                title,
                SqlQuerySpec.of(
                    ws.connections().isEmpty() ? null : ws.connections().keySet().iterator().next(),
                    "select now()"))
            : PanelSpec.http(id, title, HttpRequestSpec.get("https://"));
    p = p.withView(ViewKind.TABLE);
    var vm = new PanelViewModel(p);
    byId.put(id, vm);
    panels.add(vm);
    setWorkspace(ws.withPanel(p));
    selected.set(vm);
    return vm;
  }

  /** Adds a Redis panel on the first Redis connection, selected, running PING until edited. */
  public PanelViewModel addRedis() {
    String id = freeId("redis");
    String number = id.substring(id.lastIndexOf('-') + 1);
    Workspace ws = workspace.get();
    String conn =
        ws.connections().entrySet().stream()
            .filter(e -> dev.fetchboard.redis.RedisSettings.isRedisUrl(e.getValue().url()))
            .map(java.util.Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    PanelSpec p =
        PanelSpec.of(
                id,
                "New Redis command" + (number.equals("1") ? "" : " " + number),
                dev.fetchboard.workspace.RedisCommandSpec.of(conn, "PING"))
            .withView(ViewKind.VALUE);
    var vm = new PanelViewModel(p);
    byId.put(id, vm);
    panels.add(vm);
    setWorkspace(ws.withPanel(p));
    selected.set(vm);
    return vm;
  }

  /** Adds imported panels and environments (ids made unique) and selects the first new panel. */
  public void importPanels(dev.fetchboard.interop.ImportResult imported) {
    Workspace merged = dev.fetchboard.interop.Importers.merge(workspace.get(), imported);
    PanelViewModel first = null;
    for (PanelSpec p : merged.panels()) {
      if (!byId.containsKey(p.id())) {
        var vm = new PanelViewModel(p);
        byId.put(p.id(), vm);
        panels.add(vm);
        first = first == null ? vm : first;
      }
    }
    setWorkspace(merged);
    if (first != null) {
      selected.set(first);
    }
  }

  public void remove(PanelViewModel vm) {
    engine.cancel(vm.id());
    panels.remove(vm);
    byId.remove(vm.id());
    setWorkspace(workspace.get().withoutPanel(vm.id()));
    if (selected.get() == vm) {
      selected.set(panels.isEmpty() ? null : panels.getFirst());
    }
  }

  /** Puts a panel (a new one, or one removed before) back at {@code index} and selects it. */
  public void insert(PanelViewModel vm, int index) {
    if (byId.containsKey(vm.id())) {
      return;
    }
    int at = Math.clamp(index, 0, panels.size());
    byId.put(vm.id(), vm);
    panels.add(at, vm);
    var list = new java.util.ArrayList<>(workspace.get().panels());
    list.add(Math.min(at, list.size()), vm.spec());
    setWorkspace(workspace.get().withPanels(list));
    selected.set(vm);
  }

  /** A copy of the panel under a free id, titled "… (copy)", not yet in the workspace. */
  public PanelViewModel copyOf(PanelViewModel vm) {
    PanelSpec spec = vm.spec();
    String id = freeId(spec.id().replaceAll("-\\d+$", "") + "-copy");
    return new PanelViewModel(spec.withId(id).withTitle(spec.displayTitle() + " (copy)"));
  }

  /** Moves a panel to {@code index} among the panels (tiles and file keep the same order). */
  public void move(PanelViewModel vm, int index) {
    int from = panels.indexOf(vm);
    int to = Math.clamp(index, 0, panels.size() - 1);
    if (from < 0 || from == to) {
      return;
    }
    panels.remove(from);
    panels.add(to, vm);
    setWorkspace(workspace.get().withPanels(panels.stream().map(PanelViewModel::spec).toList()));
    selected.set(vm);
  }

  public PanelViewModel panel(String id) {
    return byId.get(id);
  }

  /** Adds or replaces a connection (from the connection dialog). */
  public void putConnection(String name, dev.fetchboard.workspace.ConnectionSpec spec) {
    var conns = new java.util.LinkedHashMap<>(workspace.get().connections());
    conns.put(name, spec);
    setWorkspace(workspace.get().withConnections(conns));
  }

  public void setEnvironment(String name) {
    if (name != null && !name.equals(workspace.get().environment())) {
      setWorkspace(workspace.get().withEnvironment(name));
    }
  }

  /** Marks the workspace saved to {@code to}. */
  public void saved(Path to) {
    file.set(to);
    dirty.set(false);
    message.set("saved " + to.getFileName());
  }

  public void runAll() {
    List<PanelSpec> idle =
        workspace.get().panels().stream().filter(p -> !engine.isActive(p.id())).toList();
    engine.run(workspace.get(), idle, dispatcher);
  }

  /** Runs one panel as the form shows it (edits applied first). */
  public void run(PanelSpec spec) {
    if (engine.isActive(spec.id())) {
      return;
    }
    engine.run(workspace.get(), spec, dispatcher);
  }

  public void stopAll() {
    engine.cancelAll();
  }

  public void stop(String panelId) {
    engine.cancel(panelId);
  }

  /** Applies what the dispatcher gathered since the last frame (FX thread). */
  public void apply(List<Map.Entry<String, UiDispatcher.PanelUpdate>> updates) {
    for (var e : updates) {
      PanelViewModel vm = byId.get(e.getKey());
      if (vm == null) {
        continue;
      }
      UiDispatcher.PanelUpdate u = e.getValue();
      if (u.finished() != null) {
        vm.finished(u.finished().result());
      }
      switch (u.latest()) {
        case RunEvent.Queued q -> vm.queued(q.runId(), q.waitingFor());
        case RunEvent.Started s -> vm.started(s.runId());
        case RunEvent.Progress p -> vm.progress(p.runId(), p.bytes(), p.rows(), p.table());
        case RunEvent.Finished f -> {}
      }
    }
  }

  public long active() {
    return engine.activeCount();
  }

  public void close() {
    refresher.close();
  }

  private void setWorkspace(Workspace ws) {
    workspace.set(ws);
    dirty.set(true);
    if (message.get() != null && message.get().startsWith("saved ")) {
      // No longer true: there are edits since.
      message.set("");
    }
    refresher.update(ws);
  }

  private String freeId(String base) {
    for (int i = 1; ; i++) {
      String id = base + "-" + i;
      if (!byId.containsKey(id)) {
        return id;
      }
    }
  }

  /** The refresh interval most panels use, for the toolbar's tooltip. */
  public static String describe(Duration d) {
    return d == null ? "manual" : dev.fetchboard.workspace.Durations.format(d);
  }
}
