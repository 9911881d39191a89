package dev.fetchboard.serve;

import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one result as one JSON line, exactly as {@code fetchboard run --format json} prints it
 * (the command line passes its printer in, so the two never drift apart).
 */
@FunctionalInterface
public interface ResultLines {
  void write(Writer out, PanelSpec panel, RunResult result) throws IOException;
}
