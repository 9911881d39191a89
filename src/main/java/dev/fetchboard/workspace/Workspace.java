package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace: named environments of variables, database connections and the panels to run. One
 * YAML file on disk (see {@link WorkspaceFile}); values here are exactly what the file says, with
 * variables unresolved, so saving never writes a secret.
 */
@JsonPropertyOrder({
  "fetchboard",
  "name",
  "environment",
  "environments",
  "connections",
  "panels",
  "alerts"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Workspace(
    @JsonProperty("fetchboard") int formatVersion,
    String name,
    String environment,
    Map<String, Map<String, String>> environments,
    Map<String, ConnectionSpec> connections,
    List<PanelSpec> panels,
    List<AlertSpec> alerts) {

  /** The file format this version reads and writes. */
  public static final int FORMAT_VERSION = 1;

  public Workspace {
    formatVersion = formatVersion == 0 ? FORMAT_VERSION : formatVersion;
    name = name == null ? "Untitled" : name;
    environments = environments == null ? Map.of() : copyNested(environments);
    connections =
        connections == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    panels = panels == null ? List.of() : List.copyOf(panels);
    // An empty entry (a lone "-") stays, as null, for the validator to point at.
    alerts =
        alerts == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new ArrayList<>(alerts));
  }

  /** A workspace without alerts. */
  public Workspace(
      int formatVersion,
      String name,
      String environment,
      Map<String, Map<String, String>> environments,
      Map<String, ConnectionSpec> connections,
      List<PanelSpec> panels) {
    this(formatVersion, name, environment, environments, connections, panels, null);
  }

  private static Map<String, Map<String, String>> copyNested(Map<String, Map<String, String>> in) {
    var out = new LinkedHashMap<String, Map<String, String>>();
    in.forEach(
        (k, v) ->
            out.put(
                k,
                v == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** An empty workspace with the given name. */
  public static Workspace named(String name) {
    return new Workspace(FORMAT_VERSION, name, null, null, null, null);
  }

  /** The variables of the active environment (empty when none is active). */
  public Map<String, String> activeVariables() {
    if (environment == null) {
      return Map.of();
    }
    return environments.getOrDefault(environment, Map.of());
  }

  public Optional<PanelSpec> panel(String id) {
    return panels.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Workspace withEnvironment(String active) {
    return new Workspace(formatVersion, name, active, environments, connections, panels, alerts);
  }

  public Workspace withName(String newName) {
    return new Workspace(
        formatVersion, newName, environment, environments, connections, panels, alerts);
  }

  public Workspace withPanels(List<PanelSpec> newPanels) {
    return new Workspace(
        formatVersion, name, environment, environments, connections, newPanels, alerts);
  }

  public Workspace withConnections(Map<String, ConnectionSpec> newConnections) {
    return new Workspace(
        formatVersion, name, environment, environments, newConnections, panels, alerts);
  }

  public Workspace withAlerts(List<AlertSpec> newAlerts) {
    return new Workspace(
        formatVersion, name, environment, environments, connections, panels, newAlerts);
  }

  public Workspace withEnvironments(Map<String, Map<String, String>> newEnvironments) {
    return new Workspace(
        formatVersion, name, environment, newEnvironments, connections, panels, alerts);
  }

  /** This workspace with {@code panel} replacing the one of the same id, or appended. */
  public Workspace withPanel(PanelSpec panel) {
    var list = new ArrayList<>(panels);
    int i = indexOf(panel.id());
    if (i >= 0) {
      list.set(i, panel);
    } else {
      list.add(panel);
    }
    return withPanels(list);
  }

  public Workspace withoutPanel(String id) {
    return withPanels(panels.stream().filter(p -> !p.id().equals(id)).toList());
  }

  public int indexOf(String panelId) {
    for (int i = 0; i < panels.size(); i++) {
      if (panels.get(i).id().equals(panelId)) {
        return i;
      }
    }
    return -1;
  }
}
