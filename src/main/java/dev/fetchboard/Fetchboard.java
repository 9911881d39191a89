package dev.fetchboard;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.Source;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.redis.RedisSource;
import dev.fetchboard.sql.EmbeddedConnectionProvider;
import dev.fetchboard.sql.SqlSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Wiring of the core: builds an engine with every source. Used by the CLI and the UI; the version
 * is {@link dev.fetchboard.build.BuildInfo#version()}.
 */
public final class Fetchboard {
  private Fetchboard() {}

  /** An engine with the HTTP, SQL and Redis sources (no embedded database). */
  public static Engine newEngine(EngineConfig config) {
    return newEngine(config, null);
  }

  /**
   * An engine with the HTTP, SQL and Redis sources; {@code embedded} serves connections whose url
   * is {@code embedded:} (may be null). Close the engine to release clients and pools.
   */
  public static Engine newEngine(EngineConfig config, EmbeddedConnectionProvider embedded) {
    List<Source> sources = new ArrayList<>();
    sources.add(new HttpSource());
    sources.add(new SqlSource(embedded));
    sources.add(new RedisSource());
    return new Engine(config, sources);
  }
}
