package dev.fetchboard.interop;

import dev.fetchboard.workspace.PanelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import produced: panels (ids unique among themselves), environments of variables to add,
 * and notices a person should read (unsupported options, environment variables to set).
 */
public record ImportResult(
    List<PanelSpec> panels, Map<String, Map<String, String>> environments, List<String> notices) {

  public ImportResult {
    panels = List.copyOf(panels);
    var envs = new LinkedHashMap<String, Map<String, String>>();
    environments.forEach(
        (k, v) -> envs.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    environments = Collections.unmodifiableMap(envs);
    notices = List.copyOf(notices);
  }
}
