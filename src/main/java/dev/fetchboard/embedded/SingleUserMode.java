package dev.fetchboard.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Gives the superuser a password with the server stopped, as PostgreSQL's single-user mode does for
 * a lost password: no TCP, no socket, no moment in which anyone could log in without one. Used for
 * a folder whose password file was lost or that an older Fetchboard made without one.
 */
final class SingleUserMode {
  private SingleUserMode() {}

  /**
   * Sets the superuser's password in the stopped cluster on {@code dataDir}.
   *
   * @return false when this library's binaries cannot be found (the caller falls back)
   */
  static boolean setSuperuserPassword(Path dataDir, String password)
      throws IOException, InterruptedException {
    File pgDir = binaries();
    if (pgDir == null) {
      return false;
    }
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As the library runs the server: PostgreSQL refuses to run as root outside a namespace.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            new File(pgDir, "bin/postgres").getPath(),
            "--single",
            "-D",
            dataDir.toString(),
            "-F",
            "-c",
            "listen_addresses=",
            ServerLogin.SUPERUSER));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      // Base64url: no quote can end the literal early.
      in.write(
          ("alter role " + ServerLogin.SUPERUSER + " password '" + password + "'\n")
              .getBytes(StandardCharsets.US_ASCII));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("PostgreSQL in single-user mode did not finish");
    }
    if (p.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
      throw new IOException(
          "PostgreSQL in single-user mode could not set the password: " + output.strip());
    }
    return true;
  }

  /** Where the library unpacked PostgreSQL's binaries (the same call its own start makes). */
  private static @Nullable File binaries() {
    try {
      var prepare =
          EmbeddedPostgres.class.getDeclaredMethod(
              "prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      File dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
      return dir != null && new File(dir, "bin/postgres").canExecute() ? dir : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another version of the library: fall back to the caller's other way.
      return null;
    }
  }
}
