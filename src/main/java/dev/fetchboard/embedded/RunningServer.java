package dev.fetchboard.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A PostgreSQL already running on the data folder, started by another Fetchboard: its port is read
 * from the server's own pid file, and its sample is waited for while the owner may still be
 * generating it (the sample is made in one transaction, so it is either there or not).
 */
final class RunningServer {
  private RunningServer() {}

  /**
   * Waits until the pid file says the server is ready, and returns its port; returns -1 as soon as
   * {@code folderFreed} says this process got the folder's lock (the owner quit meanwhile).
   */
  static int awaitReady(Path dataDir, Duration wait, FolderFreed folderFreed)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Path pidFile = dataDir.resolve("postmaster.pid");
    while (true) {
      // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      if (lines.size() >= 8 && lines.get(7).strip().equals("ready")) {
        return Integer.parseInt(lines.get(3).strip());
      }
      if (folderFreed.lockTaken()) {
        return -1;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "another Fetchboard holds the embedded database's folder "
                + dataDir
                + ", but its server did not become ready");
      }
      Thread.sleep(250);
    }
  }

  /** Tries to take the data folder's lock; true once this process holds it. */
  @FunctionalInterface
  interface FolderFreed {
    boolean lockTaken() throws IOException;
  }

  /**
   * Whether the server on the folder still runs on {@code port}: its pid file names that port and a
   * live process. False once its owner stopped it (PostgreSQL removes the pid file on shutdown).
   */
  static boolean isUp(Path dataDir, int port) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.size() >= 4
          && lines.get(3).strip().equals(Integer.toString(port))
          && ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
              .map(ProcessHandle::isAlive)
              .orElse(false);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Waits until the sample database is complete on the server at {@code port}, logging in as the
   * read-only role with the password read from {@code passwordFile} on each try (the owner may be
   * giving the roles new passwords while this waits).
   */
  static void awaitSample(int port, String name, Path passwordFile, Duration wait)
      throws SQLException, IOException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    while (true) {
      RolePasswords passwords = RolePasswords.read(passwordFile);
      if (passwords != null && !passwords.legacy()) {
        var reader = new Properties();
        reader.setProperty("user", SampleDatabase.READER);
        reader.setProperty("password", passwords.reader());
        try (var c = DriverManager.getConnection(url, reader);
            var s = c.createStatement();
            // Complete means handed over to the owner and readable by this role
            // (SampleDatabase.ensure does both in the transaction that completes it).
            var rs =
                s.executeQuery(
                    "select coalesce((select tableowner = '"
                        + SampleDatabase.ROLE
                        + "' and has_table_privilege('public.fetchboard_sample', 'select')"
                        + " from pg_tables where schemaname = 'public'"
                        + " and tablename = 'fetchboard_sample'), false)")) {
          if (rs.next() && rs.getBoolean(1)) {
            return;
          }
        } catch (SQLException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new SQLException("the sample database on port " + port + " was not completed");
      }
      Thread.sleep(500);
    }
  }
}
