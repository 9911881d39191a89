package dev.fetchboard.http;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import java.time.Duration;

/** HTTP panels (placeholder; being written). */
public final class HttpSource implements Source {
  @Override
  public boolean handles(SourceSpec spec) {
    return spec instanceof HttpRequestSpec;
  }

  @Override
  public SourceOutput run(PanelSpec panel, RunContext context) throws Exception {
    throw new RunFailure(ErrorKind.INTERNAL, "not yet");
  }

  @Override
  public Duration timeout(PanelSpec panel) {
    return panel.http().timeoutOrDefault();
  }
}
