package dev.fetchboard.cli;

import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.RedisCommandSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import java.time.Duration;
import java.util.List;

/** Applies `--timeout` to every panel, whatever its kind. */
final class TimeoutOverride {
  private TimeoutOverride() {}

  static List<PanelSpec> apply(List<PanelSpec> panels, Duration timeout) {
    return panels.stream()
        .map(
            p ->
                switch (p.source()) {
                  case null -> p;
                  case HttpRequestSpec http -> p.withSource(http.withTimeout(timeout));
                  case SqlQuerySpec sql -> p.withSource(sql.withTimeout(timeout));
                  case RedisCommandSpec redis -> p.withSource(redis.withTimeout(timeout));
                })
        .toList();
  }
}
