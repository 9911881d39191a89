package dev.fetchboard.embedded;

import dev.fetchboard.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Who may log in to the embedded server: only a client that knows a role's password kept beside its
 * data folder (a file only the user can read), over TCP from this machine. A new folder gets the
 * superuser's password from initdb itself ({@code --pwfile}, {@code --auth=scram-sha-256}), so the
 * server never accepts a login without a password, not even during its very first start; the
 * folder's pg_hba.conf is rewritten before every start, so the server never opens TCP with anything
 * else.
 */
final class ServerLogin {
  /** The server's superuser, used only by Fetchboard's own setup, never by a panel. */
  static final String SUPERUSER = "postgres";

  /** Each line: TCP from this machine only, password checked with SCRAM; no Unix socket logins. */
  private static final String PASSWORDS_REQUIRED =
      """
      # Written by Fetchboard: logins only from this machine and only with a password kept
      # beside this folder (see ServerLogin). Unix-socket logins are refused.
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /**
   * Only for a folder whose passwords are unknown (made before Fetchboard set any, or its password
   * file was lost): the superuser, to the postgres database, from this machine, until the new
   * passwords are set a moment later.
   */
  private static final String SUPERUSER_TRUSTED_UNTIL_PASSWORDS_ARE_SET =
      """
      # Written by Fetchboard for the moment it sets new passwords (see ServerLogin).
      host postgres postgres 127.0.0.1/32 trust
      host postgres postgres ::1/128 trust
      """;

  private ServerLogin() {}

  /**
   * The password file of the server on {@code dataDir}, beside the folder (initdb wants it empty).
   */
  static Path passwordFile(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + ".password");
  }

  /**
   * Writes the superuser's password for initdb's {@code --pwfile}, owner-only, beside the folder;
   * the caller deletes it once the server has started.
   */
  static Path initdbPasswordFile(Path dataDir, String superuserPassword) throws IOException {
    Path file = dataDir.resolveSibling(dataDir.getFileName() + ".initdb-password");
    AtomicFiles.writeOwnerOnly(
        file, (superuserPassword + "\n").getBytes(StandardCharsets.US_ASCII));
    return file;
  }

  /** Called on the data folder before every start: passwords required from the first moment. */
  static void requirePasswordsBeforeStart(Path dataDir) {
    writeHba(dataDir, PASSWORDS_REQUIRED);
  }

  /** Called on the data folder before a start whose superuser password is unknown. */
  static void trustSuperuserUntilPasswordsAreSet(Path dataDir) {
    writeHba(dataDir, SUPERUSER_TRUSTED_UNTIL_PASSWORDS_ARE_SET);
  }

  private static void writeHba(Path dataDir, String content) {
    Path hba = dataDir.resolve("pg_hba.conf");
    try {
      if (!Files.exists(hba) || !Files.readString(hba).equals(content)) {
        // Atomic: a server that finds half a pg_hba.conf would not start.
        AtomicFiles.writeOwnerOnly(hba, content.getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the roles (the sample's owner and the read-only role, if missing) and gives each role its
   * password in one transaction, then has the running server ask for passwords from now on.
   * Idempotent: done on every start.
   */
  static void setPasswords(String adminUrl, Properties admin, RolePasswords passwords, Path dataDir)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, admin);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      createRole(s, SampleDatabase.ROLE);
      createRole(s, SampleDatabase.READER);
      // Belt and braces: even a statement that ends the read-only transaction a panel runs in
      // starts the next one read-only; the role's missing privileges are what really hold.
      s.execute("alter role " + SampleDatabase.READER + " set default_transaction_read_only = on");
      // Base64url: no quote can end the literal early.
      s.execute("alter role " + SUPERUSER + " password '" + passwords.superuser() + "'");
      s.execute("alter role " + SampleDatabase.ROLE + " password '" + passwords.owner() + "'");
      s.execute("alter role " + SampleDatabase.READER + " password '" + passwords.reader() + "'");
      c.commit();
      c.setAutoCommit(true);
      Path hba = dataDir.resolve("pg_hba.conf");
      boolean changed;
      try {
        changed = !Files.readString(hba).equals(PASSWORDS_REQUIRED);
      } catch (IOException e) {
        changed = true;
      }
      if (changed) {
        requirePasswordsBeforeStart(dataDir);
        s.execute("select pg_reload_conf()");
      }
    }
  }

  private static void createRole(Statement s, String role) throws SQLException {
    s.execute(
        "do $$ begin if not exists (select from pg_roles where rolname = '"
            + role
            + "') then create role "
            + role
            + " login nosuperuser nocreatedb nocreaterole noinherit; end if; end $$");
  }
}
