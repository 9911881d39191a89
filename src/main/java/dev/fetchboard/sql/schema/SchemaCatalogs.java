package dev.fetchboard.sql.schema;

import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.sql.ToolConnections;
import dev.fetchboard.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link SchemaCatalog} per database a workspace's connections reach, kept while the settings
 * stay the same (a changed connection gets a fresh catalog), at most {@link #MAX_CATALOGS}.
 */
public final class SchemaCatalogs {
  static final int MAX_CATALOGS = 32;

  private final ToolConnections connections;
  private final Map<String, SchemaCatalog> byKey = new LinkedHashMap<>(16, 0.75f, true);

  public SchemaCatalogs(ToolConnections connections) {
    this.connections = connections;
  }

  /** The catalog of connection {@code name}; waits for the embedded database if needed. */
  public SchemaCatalog of(Workspace workspace, String name)
      throws RunFailure, InterruptedException {
    ToolConnections.Target target = connections.target(workspace, name);
    synchronized (byKey) {
      SchemaCatalog catalog = byKey.get(target.key());
      if (catalog == null) {
        catalog = new SchemaCatalog(() -> connections.open(target));
        byKey.put(target.key(), catalog);
        if (byKey.size() > MAX_CATALOGS) {
          byKey.remove(byKey.keySet().iterator().next());
        }
      }
      return catalog;
    }
  }

  /** The connections the catalogs read through (for "Check on server"). */
  public ToolConnections connections() {
    return connections;
  }
}
