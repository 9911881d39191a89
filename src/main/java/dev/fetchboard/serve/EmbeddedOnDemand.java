package dev.fetchboard.serve;

import dev.fetchboard.embedded.EmbeddedDatabase;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.sql.EmbeddedConnectionProvider;
import dev.fetchboard.workspace.ConnectionSpec;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The embedded default database, started only when a served panel first needs it (a connection
 * whose url is {@code embedded:}, as in the sample): a workspace of HTTP panels never unpacks
 * PostgreSQL.
 */
final class EmbeddedOnDemand implements EmbeddedConnectionProvider, AutoCloseable {
  private final Path dataDir;
  private final Consumer<String> log;
  private EmbeddedDatabase database;
  private boolean closed;

  EmbeddedOnDemand(Path dataDir, Consumer<String> log) {
    this.dataDir = dataDir;
    this.log = log;
  }

  private synchronized EmbeddedDatabase started() throws RunFailure {
    if (closed) {
      throw new RunFailure(ErrorKind.CANCELLED, "serve is stopping");
    }
    if (database == null) {
      log.accept(
          "starting the embedded PostgreSQL in "
              + dataDir
              + " (the first start creates the sample database, about a minute)");
      database = new EmbeddedDatabase(dataDir, EmbeddedDatabase.SAMPLE_ORDERS).startInBackground();
    }
    return database;
  }

  @Override
  public synchronized boolean isReady() {
    return database != null && database.isReady();
  }

  @Override
  public ConnectionSpec await() throws InterruptedException, RunFailure {
    return started().await();
  }

  @Override
  public ConnectionSpec await(boolean writes) throws InterruptedException, RunFailure {
    return started().await(writes);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (database != null) {
      database.close();
    }
  }
}
