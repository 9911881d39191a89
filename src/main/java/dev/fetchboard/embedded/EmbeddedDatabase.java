package dev.fetchboard.embedded;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.sql.EmbeddedConnectionProvider;
import dev.fetchboard.workspace.ConnectionSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default database: a real PostgreSQL (binaries from Maven Central) whose data lives
 * in the user's data folder and is reused across starts, with the sample database created on first
 * start. It starts in the background; SQL panels on it wait (showing "starting database…").
 */
public final class EmbeddedDatabase implements EmbeddedConnectionProvider, AutoCloseable {
  /** Orders generated in the sample on first start. */
  public static final int SAMPLE_ORDERS = 1_000_000;

  /** How long a second Fetchboard waits for the first one's server and sample. */
  private static final java.time.Duration SHARED_WAIT = java.time.Duration.ofMinutes(5);

  private final Path dataDir;
  private final int sampleOrders;

  /**
   * Completes with the server's port once the roles and the sample are ready. Replaced when this
   * Fetchboard takes over a server whose owner quit.
   */
  private volatile CompletableFuture<Integer> ready = new CompletableFuture<>();

  private volatile @Nullable RolePasswords passwords;
  private volatile @Nullable EmbeddedPostgres server;
  private volatile @Nullable DataFolderLock ownership;
  private volatile boolean closed;
  private int port;

  /**
   * @param dataDir the folder for the database files (e.g. ~/.local/share/fetchboard/pg)
   * @param sampleOrders orders to generate in the sample on first start
   */
  public EmbeddedDatabase(Path dataDir, int sampleOrders) {
    this.dataDir = dataDir;
    this.sampleOrders = sampleOrders;
  }

  /** Listens on {@code port} instead of a free one the library picks (tests race logins on it). */
  EmbeddedDatabase onPort(int port) {
    this.port = port;
    return this;
  }

  /** Starts the server and prepares the sample on a background thread; returns at once. */
  public EmbeddedDatabase startInBackground() {
    Thread.ofVirtual().name("embedded-postgres").start(this::start);
    return this;
  }

  private void start() {
    Path initdbPassword = null;
    try {
      Files.createDirectories(dataDir.toAbsolutePath().getParent());
      Path passwordFile = ServerLogin.passwordFile(dataDir);
      ownership = DataFolderLock.tryAcquire(dataDir);
      if (ownership == null) {
        // Another running Fetchboard owns the server on this folder: use it, never stop it. If
        // the owner quits while this waits, the folder is free: start the server here instead.
        int port =
            RunningServer.awaitReady(
                dataDir,
                SHARED_WAIT,
                () -> (ownership = DataFolderLock.tryAcquire(dataDir)) != null);
        if (ownership == null) {
          RunningServer.awaitSample(port, SampleDatabase.NAME, passwordFile, SHARED_WAIT);
          RolePasswords shared = RolePasswords.read(passwordFile);
          if (shared == null) {
            throw new IOException(
                "the Fetchboard that runs the sample database keeps no passwords in "
                    + passwordFile);
          }
          passwords = shared;
          ready.complete(port);
          return;
        }
      }
      Files.createDirectories(dataDir);
      stopOrphanedServer(dataDir);
      RolePasswords saved = RolePasswords.read(passwordFile);
      // The same test the library makes before it runs initdb.
      boolean newFolder = !Files.exists(dataDir.resolve("postgresql.conf"));
      // What the roles will have once started: a new folder keeps passwords saved for it (a start
      // that stopped before making the roles), anything older gets new ones.
      RolePasswords target = saved != null && !saved.legacy() ? saved : RolePasswords.random();
      // Unknown superuser password: a folder from before Fetchboard set passwords, or whose file
      // was lost. It gets one with the server stopped (single-user mode); only if the library's
      // binaries cannot be found is the superuser let in without one, for a moment (ServerLogin).
      boolean unknown = !newFolder && saved == null;
      boolean setOffline =
          unknown && SingleUserMode.setSuperuserPassword(dataDir, target.superuser());
      boolean trustOnce = unknown && !setOffline;
      // An old folder whose password is not unknown has saved passwords.
      String loginNow =
          trustOnce
              ? ""
              : newFolder || setOffline
                  ? target.superuser()
                  : Objects.requireNonNull(saved).superuser();
      if (newFolder && target != saved) {
        target.write(passwordFile); // before initdb: a password the server has is never lost
      }
      var builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "60")
              .setServerConfig("shared_buffers", "64MB")
              .setServerConfig("fsync", "off")
              .setConnectConfig("password", loginNow)
              .setDataDirectoryCustomizer(
                  dir -> {
                    if (trustOnce) {
                      ServerLogin.trustSuperuserUntilPasswordsAreSet(dir.toPath());
                    } else {
                      ServerLogin.requirePasswordsBeforeStart(dir.toPath());
                    }
                  });
      if (newFolder) {
        // The library runs initdb with "-A trust" and then these, which win: the superuser has
        // its password and every login needs one from the first moment the server listens.
        initdbPassword = ServerLogin.initdbPasswordFile(dataDir, target.superuser());
        builder
            .setLocaleConfig("pwfile", initdbPassword.toString())
            .setLocaleConfig("auth", "scram-sha-256");
      }
      var pg = builder.start();
      server = pg;
      if (closed) {
        pg.close();
        return;
      }
      String base = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
      ServerLogin.setPasswords(
          base + "postgres", login(ServerLogin.SUPERUSER, loginNow), target, dataDir);
      if (target != saved) {
        target.write(passwordFile);
      }
      passwords = target;
      SampleDatabase.ensure(base + "postgres", base + SampleDatabase.NAME, admin(), sampleOrders);
      ready.complete(pg.getPort());
    } catch (IOException | java.sql.SQLException | RuntimeException e) {
      ready.completeExceptionally(passwordRefused(e) ? passwordsDoNotOpen() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ready.completeExceptionally(e);
    } finally {
      if (initdbPassword != null) {
        try {
          Files.deleteIfExists(initdbPassword);
        } catch (IOException ignored) {
          // owner-only, and overwritten by the next first start
        }
      }
    }
  }

  /** Whether the server refused the superuser's saved password (SQLSTATE 28P01). */
  private static boolean passwordRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException s && "28P01".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private IOException passwordsDoNotOpen() {
    return new IOException(
        "the passwords in "
            + ServerLogin.passwordFile(dataDir)
            + " do not open it (changed outside Fetchboard?); delete that file and the next start"
            + " gives the roles new passwords");
  }

  private static Properties login(String user, String password) {
    var props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    return props;
  }

  /** How Fetchboard itself logs in as the server's superuser (to make the sample). */
  Properties admin() {
    return login(ServerLogin.SUPERUSER, passwords().superuser());
  }

  private RolePasswords passwords() {
    RolePasswords known = passwords;
    if (known == null) {
      throw new IllegalStateException("the embedded database has not started");
    }
    return known;
  }

  /** How a panel reaches the sample: as the owner when it may write, else as the read-only role. */
  private ConnectionSpec spec(int port, boolean writes) {
    return new ConnectionSpec(
        null,
        "127.0.0.1",
        port,
        SampleDatabase.NAME,
        writes ? SampleDatabase.ROLE : SampleDatabase.READER,
        writes ? passwords().owner() : passwords().reader(),
        "disable",
        null,
        null,
        null);
  }

  /**
   * A Fetchboard that crashed leaves its PostgreSQL running on the data folder, and a new one could
   * not start beside it. Called only while holding the folder's lock, so no running Fetchboard uses
   * that server. The server's pid file names it: if that process is a postgres on this very folder,
   * stop it and wait for it to go. A pid file whose process is gone is stale, and PostgreSQL itself
   * removes it.
   */
  static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    } catch (RuntimeException e) {
      return;
    }
    var process = ProcessHandle.of(pid).orElse(null);
    if (process == null || !process.isAlive()) {
      return;
    }
    String command = process.info().commandLine().orElse("");
    if (!command.contains("postgres") || !command.contains(dataDir.toString())) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // it is gone either way
    }
  }

  @Override
  public boolean isReady() {
    return ready.isDone() && !ready.isCompletedExceptionally();
  }

  /** The read-only role's connection: the least any caller gets. */
  @Override
  public ConnectionSpec await() throws InterruptedException, RunFailure {
    return await(false);
  }

  @Override
  public ConnectionSpec await(boolean writes) throws InterruptedException, RunFailure {
    try {
      CompletableFuture<Integer> current = ready;
      int port = current.get();
      if (ownership == null && !closed && !RunningServer.isUp(dataDir, port)) {
        port = takeOver(current).get();
      }
      return spec(port, writes);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new RunFailure(
          ErrorKind.CONNECTION,
          "the embedded database did not start: " + reason(cause == null ? e : cause));
    }
  }

  /**
   * The Fetchboard whose server this one shared has quit, and its server stopped with it: start it
   * here (or share the one another Fetchboard started first), once for all the panels that notice.
   */
  private synchronized CompletableFuture<Integer> takeOver(CompletableFuture<Integer> seen) {
    if (ready == seen) {
      ready = new CompletableFuture<>();
      start();
    }
    return ready;
  }

  /**
   * A URI psql accepts that logs in as the read-only role, password included, e.g. {@code
   * postgresql://fetchboard_reader:…@127.0.0.1:5433/sample}.
   */
  public String psqlUri() throws InterruptedException, RunFailure {
    ConnectionSpec c = await(false);
    return "postgresql://"
        + c.user()
        + ":"
        + c.password()
        + "@127.0.0.1:"
        + c.port()
        + "/"
        + SampleDatabase.NAME;
  }

  private static String reason(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains("root")) {
      return m
          + " (PostgreSQL refuses to run as root without user namespaces; run Fetchboard as a"
          + " normal user or point the sample connection at a PostgreSQL server)";
    }
    return m;
  }

  /** Stops the server cleanly (also on exit). */
  @Override
  public void close() {
    closed = true;
    EmbeddedPostgres pg = server;
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException ignored) {
        // the server is going away with the process anyway
      }
    }
    DataFolderLock owned = ownership;
    if (owned != null) {
      owned.close();
    }
  }
}
