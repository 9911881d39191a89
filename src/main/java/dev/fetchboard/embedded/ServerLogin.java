package dev.fetchboard.embedded;

import dev.fetchboard.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * Who may log in to the embedded server: only a client that knows the password kept beside its data
 * folder (a file only the user can read). PostgreSQL's initdb, as the embedded server runs it, lets
 * any local client in as the superuser without a password; on a machine shared with other users
 * that would let them run programs as this user ({@code copy … to program}). So right after each
 * start both roles get the password and the server is told to ask for it; the server keeps asking
 * on later starts (its pg_hba.conf is in the data folder).
 */
final class ServerLogin {
  /** Each line: TCP from this machine only, password checked with SCRAM; no Unix socket logins. */
  private static final String PASSWORDS_REQUIRED =
      """
      # Written by Fetchboard: logins only from this machine and only with the password kept
      # beside this folder (see ServerLogin). Unix-socket logins are refused.
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /** Until the roles have the password (a new folder, or its password file was lost). */
  private static final String TRUST_UNTIL_PASSWORDS_ARE_SET =
      """
      # Written by Fetchboard for the moment it sets the roles' password (see ServerLogin).
      host all all 127.0.0.1/32 trust
      host all all ::1/128 trust
      """;

  private ServerLogin() {}

  /**
   * The password file of the server on {@code dataDir}, beside the folder (initdb wants it empty).
   */
  static Path passwordFile(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + ".password");
  }

  /** Reads the password, or makes one (owner-only file) when there is none yet. */
  static String readOrCreatePassword(Path dataDir) throws IOException {
    Path file = passwordFile(dataDir);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    AtomicFiles.writeOwnerOnly(file, password.getBytes(StandardCharsets.US_ASCII));
    return password;
  }

  /**
   * Called on the data folder before the server starts, when the password file was just made: the
   * roles do not have that password yet, so the server must let Fetchboard in once without it.
   */
  static void trustUntilPasswordsAreSet(Path dataDir) {
    try {
      AtomicFiles.writeOwnerOnly(
          dataDir.resolve("pg_hba.conf"),
          TRUST_UNTIL_PASSWORDS_ARE_SET.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives the superuser and the panels' role {@code password}, then has the running server ask for
   * it from now on. Idempotent: done on every start.
   */
  static void requirePasswords(String adminUrl, Properties admin, String password, Path dataDir)
      throws SQLException, IOException {
    // Base64url: no quote can end the literal early.
    String literal = "'" + password + "'";
    try (Connection c = DriverManager.getConnection(adminUrl, admin);
        Statement s = c.createStatement()) {
      s.execute("alter role postgres password " + literal);
      s.execute(
          "do $$ begin if not exists (select from pg_roles where rolname = '"
              + SampleDatabase.ROLE
              + "') then create role "
              + SampleDatabase.ROLE
              + " login nosuperuser nocreatedb nocreaterole; end if; end $$");
      s.execute("alter role " + SampleDatabase.ROLE + " password " + literal);
      Path hba = dataDir.resolve("pg_hba.conf");
      if (!Files.exists(hba) || !Files.readString(hba).equals(PASSWORDS_REQUIRED)) {
        // Atomic: a server that finds half a pg_hba.conf on its next start would not start.
        AtomicFiles.writeOwnerOnly(hba, PASSWORDS_REQUIRED.getBytes(StandardCharsets.US_ASCII));
        s.execute("select pg_reload_conf()");
      }
    }
  }
}
