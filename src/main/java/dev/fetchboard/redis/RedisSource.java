package dev.fetchboard.redis;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.ConnectionTester;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.Variables.UnknownVariableException;
import java.time.Duration;

/**
 * Runs Redis panels: the one place that reads a {@link RedisCommandSpec} and the workspace's
 * connection, and hands a {@link RedisRequest} to the {@link RedisCommandRunner}.
 */
public final class RedisSource implements Source, ConnectionTester {
  private static final Duration SLACK = Duration.ofSeconds(1);

  private final RedisCommandRunner runner = new RedisCommandRunner();

  @Override
  public boolean handles(SourceSpec spec) {
    return spec instanceof RedisCommandSpec;
  }

  @Override
  public Duration timeout(PanelSpec panel) {
    return spec(panel).timeoutOrDefault().plus(SLACK);
  }

  @Override
  public String limitKey(PanelSpec panel) {
    return null; // one multiplexed connection per server: no pool to wait for
  }

  @Override
  public SourceOutput run(PanelSpec panel, RunContext ctx) throws Exception {
    RedisCommandSpec r = spec(panel);
    RedisSettings settings = settings(r.connection(), ctx);
    return runner.run(
        settings,
        new RedisRequest(r.command(), r.writesAllowed(), r.maxRowsOrDefault()),
        ctx.cancellation(),
        ctx::markStarted);
  }

  private static RedisCommandSpec spec(PanelSpec panel) {
    return (RedisCommandSpec) panel.source();
  }

  private static RedisSettings settings(String name, RunContext ctx) throws RunFailure {
    ConnectionSpec spec = ctx.workspace().connections().get(name);
    if (spec == null) {
      throw new RunFailure(
          ErrorKind.INVALID_INPUT, "redis.connection: no connection named '" + name + "'");
    }
    try {
      return RedisSettings.of(ctx.resolver().resolve(name, spec));
    } catch (UnknownVariableException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new RunFailure(ErrorKind.INVALID_INPUT, "connection '" + name + "': " + e.getMessage());
    }
  }

  @Override
  public boolean tests(ConnectionSpec resolved) {
    return RedisSettings.isRedisUrl(resolved.url());
  }

  /** "Test connection" for a Redis connection whose variables are resolved: PING and version. */
  @Override
  public ConnectionCheck testConnection(ConnectionSpec resolved) {
    try {
      return new ConnectionCheck(true, null, null, runner.test(RedisSettings.of(resolved)));
    } catch (IllegalArgumentException e) {
      return new ConnectionCheck(false, null, null, e.getMessage());
    } catch (RunFailure e) {
      return new ConnectionCheck(false, null, null, e.getMessage());
    }
  }

  @Override
  public void reset() {
    runner.reset();
  }

  @Override
  public void close() {
    runner.close();
  }
}
