package dev.fetchboard;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.Source;
import dev.fetchboard.http.HttpSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root of the core: builds an engine with every source. Used by the CLI and the UI.
 */
public final class Fetchboard {
  private Fetchboard() {}

  /** The app version, from the jar manifest when packaged. */
  public static String version() {
    String v = Fetchboard.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  /** An engine with the HTTP and SQL sources. Close it to release clients and pools. */
  public static Engine newEngine(EngineConfig config) {
    List<Source> sources = new ArrayList<>();
    sources.add(new HttpSource());
    return new Engine(config, sources);
  }
}
