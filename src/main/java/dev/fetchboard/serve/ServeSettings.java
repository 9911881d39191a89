package dev.fetchboard.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to serve a workspace, as the command line gave it.
 *
 * @param environment the environment to use, or null for the file's own
 * @param defaultRefresh the interval of panels that have none
 * @param access who may read the routes, or null for anyone
 * @param maxInFlight runs in flight at once (also the per-host limit's floor)
 * @param dataDir where the embedded database lives, should a panel use it
 * @param watchEvery how often to look whether the workspace file changed
 */
public record ServeSettings(
    Path file,
    String environment,
    ListenAddress listen,
    Duration defaultRefresh,
    AccessRule access,
    int maxInFlight,
    Path dataDir,
    Duration watchEvery) {}
