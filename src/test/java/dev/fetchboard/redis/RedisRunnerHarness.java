package dev.fetchboard.redis;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.ConnectionSpec;
import java.util.List;

/** Runs commands through a {@link RedisCommandRunner} the way a panel would, for tests. */
final class RedisRunnerHarness implements AutoCloseable {
  final RedisCommandRunner runner = new RedisCommandRunner();

  static RedisSettings settings(String url) {
    return RedisSettings.of(ConnectionSpec.ofUrl(url));
  }

  static RedisSettings settings(String url, String user, String password, String ca) {
    return RedisSettings.of(
        new ConnectionSpec(url, null, null, null, user, password, null, ca, null, null));
  }

  SourceOutput run(RedisSettings s, String... command) throws Exception {
    return run(s, false, 10_000, command);
  }

  SourceOutput run(RedisSettings s, boolean allowWrites, int maxRows, String... command)
      throws Exception {
    return runner.run(
        s, new RedisRequest(List.of(command), allowWrites, maxRows), new Cancellation(), () -> {});
  }

  /** The message of the failure running the command gives. */
  String failure(RedisSettings s, boolean allowWrites, String... command) throws Exception {
    try {
      run(s, allowWrites, 100, command);
    } catch (RunFailure e) {
      return e.getMessage();
    }
    throw new AssertionError(String.join(" ", command) + " did not fail");
  }

  @Override
  public void close() {
    runner.close();
  }
}
