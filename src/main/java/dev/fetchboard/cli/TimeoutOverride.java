package dev.fetchboard.cli;

import dev.fetchboard.workspace.PanelSpec;
import java.time.Duration;
import java.util.List;

/** Applies `--timeout` to every panel, whatever its kind. */
final class TimeoutOverride {
  private TimeoutOverride() {}

  static List<PanelSpec> apply(List<PanelSpec> panels, Duration timeout) {
    return panels.stream()
        .map(
            p -> {
              if (p.http() != null) {
                return p.withHttp(p.http().withTimeout(timeout));
              }
              if (p.sql() != null) {
                return p.withSql(p.sql().withTimeout(timeout));
              }
              return p;
            })
        .toList();
  }
}
