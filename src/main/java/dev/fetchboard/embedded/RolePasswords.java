package dev.fetchboard.embedded;

import dev.fetchboard.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The embedded server's three passwords, one per role so that knowing one (the read-only role's is
 * printed by {@code fetchboard demo --keep}) gives nothing more: the superuser's (Fetchboard's own
 * setup only), the sample owner's (panels that allow writes) and the read-only role's (every other
 * panel). Kept in an owner-only file beside the data folder.
 *
 * @param legacy read from a file an older Fetchboard wrote: one password shared by every role
 */
record RolePasswords(String superuser, String owner, String reader, boolean legacy) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Three new random passwords (24 bytes each, base64url: no quote can end an SQL literal). */
  static RolePasswords random() {
    return new RolePasswords(newPassword(), newPassword(), newPassword(), false);
  }

  private static String newPassword() {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * The passwords in {@code file}, or null when there is no file. A file of one line without {@code
   * =} is an older Fetchboard's single shared password.
   */
  static @Nullable RolePasswords read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    if (!text.contains("=")) {
      String shared = text.strip();
      return new RolePasswords(shared, shared, shared, true);
    }
    Map<String, String> byRole = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        byRole.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    String superuser = byRole.get(ServerLogin.SUPERUSER);
    String owner = byRole.get(SampleDatabase.ROLE);
    String reader = byRole.get(SampleDatabase.READER);
    if (superuser == null || owner == null || reader == null) {
      throw new IOException(
          "the password file "
              + file
              + " lacks a role's line; delete it and Fetchboard sets new passwords on the next"
              + " start");
    }
    return new RolePasswords(superuser, owner, reader, false);
  }

  /** Writes the passwords to {@code file}, readable by the user alone, replacing it atomically. */
  void write(Path file) throws IOException {
    String text =
        "# Passwords of Fetchboard's embedded PostgreSQL, one per role (readable by you alone)\n"
            + ServerLogin.SUPERUSER
            + "="
            + superuser
            + "\n"
            + SampleDatabase.ROLE
            + "="
            + owner
            + "\n"
            + SampleDatabase.READER
            + "="
            + reader
            + "\n";
    AtomicFiles.writeOwnerOnly(file, text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "RolePasswords[hidden]";
  }
}
