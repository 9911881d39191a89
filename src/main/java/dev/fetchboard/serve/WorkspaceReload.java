package dev.fetchboard.serve;

import dev.fetchboard.state.ExternalChangeWatcher;
import dev.fetchboard.state.Fingerprint;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Re-reads the served workspace when its file changes and hands the new one to the served
 * workspace. A broken edit changes nothing: the last good workspace keeps running and the log says
 * what is wrong, at which line and column.
 */
public final class WorkspaceReload implements AutoCloseable {
  private final WorkspaceLoader loader;
  private final ServedWorkspace served;
  private final Consumer<String> log;
  private final ExternalChangeWatcher watcher;

  /**
   * Starts watching; {@code known} is the content serve started with (not a change).
   *
   * @param every how often to look at the file
   */
  public WorkspaceReload(
      WorkspaceLoader loader,
      ServedWorkspace served,
      Consumer<String> log,
      Duration every,
      byte[] known) {
    this.loader = loader;
    this.served = served;
    this.log = log;
    this.watcher = new ExternalChangeWatcher(every, file -> reload());
    watcher.watch(loader.file(), known == null ? null : Fingerprint.of(known));
  }

  /** The file's content now, for {@code known}; null when it cannot be read. */
  public static byte[] contentOf(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads the file now and uses it when it is good; package-private for tests. */
  void reload() {
    Workspace ws;
    try {
      ws = loader.load();
    } catch (WorkspaceException e) {
      // One line per problem, each naming the file, line and column.
      e.getMessage().lines().forEach(log);
      log.accept("still serving the last good version of " + loader.file());
      return;
    }
    served.update(ws);
    log.accept(
        "reloaded "
            + loader.file()
            + " ("
            + ws.panels().size()
            + (ws.panels().size() == 1 ? " panel)" : " panels)"));
  }

  @Override
  public void close() {
    watcher.close();
  }
}
