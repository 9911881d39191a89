package dev.fetchboard.engine;

/**
 * Limits of the engine.
 *
 * @param maxInFlight runs talking to servers at once, across all panels
 * @param perHost runs at once against one HTTP host and port
 */
public record EngineConfig(int maxInFlight, int perHost) {
  public static final EngineConfig DEFAULT = new EngineConfig(64, 16);

  public EngineConfig {
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException("concurrency must be between 1 and 10000");
    }
    if (perHost < 1 || perHost > 10_000) {
      throw new IllegalArgumentException("the per-host limit must be between 1 and 10000");
    }
  }
}
