package dev.fetchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) on 127.0.0.1 and a free port, with no persistence,
 * for tests: plain, with an ACL user and password (the default user off), or TLS only with the test
 * CA's certificate. Close it to stop it.
 */
public final class TestRedis implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;
  private final boolean tls;
  private final String user;
  private final String password;

  private TestRedis(boolean tls, String user, String password) throws IOException {
    this.tls = tls;
    this.user = user;
    this.password = password;
    Path d = null;
    Process proc = null;
    int p = 0;
    IOException last = null;
    for (int attempt = 0; attempt < 3 && proc == null; attempt++) {
      d = Files.createTempDirectory("fetchboard-test-redis");
      p = freePort();
      Process started =
          new ProcessBuilder(command(d, p))
              .redirectErrorStream(true)
              .redirectOutput(d.resolve("redis.log").toFile())
              .start();
      try {
        awaitReady(started, d.resolve("redis.log"));
        proc = started;
      } catch (IOException e) {
        started.destroyForcibly();
        last = e; // most likely another process took the port first: try another
      }
    }
    if (proc == null) {
      throw last;
    }
    this.process = proc;
    this.dir = d;
    this.port = p;
  }

  /** A server anyone on 127.0.0.1 may use. */
  public static TestRedis start() throws IOException {
    return new TestRedis(false, null, null);
  }

  /** A server whose only user is {@code user} with {@code password} (the default user is off). */
  public static TestRedis withUser(String user, String password) throws IOException {
    return new TestRedis(false, user, password);
  }

  /** A server that speaks only TLS, with src/test/resources/tls/server.crt (CA: ca.crt). */
  public static TestRedis withTls() throws IOException {
    return new TestRedis(true, null, null);
  }

  private List<String> command(Path d, int p) {
    var c =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                d.toString(),
                "--enable-debug-command",
                "local"));
    if (tls) {
      c.addAll(
          List.of(
              "--port",
              "0",
              "--tls-port",
              Integer.toString(p),
              "--tls-cert-file",
              tlsFile("server.crt").toString(),
              "--tls-key-file",
              tlsFile("server.key").toString(),
              "--tls-ca-cert-file",
              tlsFile("ca.crt").toString(),
              "--tls-auth-clients",
              "no"));
    } else {
      c.addAll(List.of("--port", Integer.toString(p)));
    }
    if (user != null) {
      c.addAll(List.of("--user", "default", "off"));
      c.addAll(List.of("--user", user, "on", ">" + password, "~*", "&*", "+@all"));
    }
    return c;
  }

  /** A file of the test certificates (src/test/resources/tls). */
  public static Path tlsFile(String name) {
    try {
      return Path.of(TestRedis.class.getResource("/tls/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitReady(Process proc, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.contains("Ready to accept connections")) {
        return;
      }
      if (!proc.isAlive()) {
        throw new IOException("redis-server stopped at start: " + text.strip());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while redis-server started");
      }
    }
    throw new IOException("redis-server was not ready within 15 s");
  }

  public int port() {
    return port;
  }

  /** The workspace URL: redis://127.0.0.1:port/0, or rediss://localhost:port/0 for TLS. */
  public String url() {
    return tls ? "rediss://localhost:" + port + "/0" : "redis://127.0.0.1:" + port + "/0";
  }

  /** Runs one command with redis-cli as the server's user and returns what it printed. */
  public String cli(String... args) {
    var c = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
    if (tls) {
      c.addAll(List.of("--tls", "--cacert", tlsFile("ca.crt").toString()));
    }
    if (user != null) {
      c.addAll(List.of("--user", user, "--pass", password, "--no-auth-warning"));
    }
    c.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("redis-cli " + String.join(" ", args) + ": " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Pipes Redis commands (one per line, as redis-cli reads them) in one go, for bulk set-up. */
  public void pipe(String commands) {
    try {
      Path f = dir.resolve("commands.txt");
      Files.writeString(f, commands);
      var c = new ArrayList<>(List.of("sh", "-c", "redis-cli -h 127.0.0.1 -p " + port + " < " + f));
      if (tls || user != null) {
        throw new IllegalStateException("pipe is for the plain server");
      }
      Process p =
          new ProcessBuilder(c)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("redis-cli pipe failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
