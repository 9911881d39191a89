package dev.fetchboard.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fetchboard serve} as a user starts it: the launcher in a fresh JVM on the test class path,
 * with its own environment variables; its output is collected line by line.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("on (http://[^/\\s]+)/metrics");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile String url;

  private ServeProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().name("serve-output").start(this::read);
  }

  /** Starts {@code fetchboard ARGS…} with these extra environment variables. */
  static ServeProcess start(Map<String, String> env, String... args) throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    String logDir = System.getProperty("fetchboard.logDir");
    if (logDir != null) {
      command.add("-Dfetchboard.logDir=" + logDir);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.fetchboard.app.Launcher");
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new ServeProcess(pb.start());
  }

  private void read() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        Matcher m = URL.matcher(line);
        if (url == null && m.find()) {
          url = m.group(1);
        }
      }
    } catch (IOException e) {
      lines.add("(output ended: " + e.getMessage() + ")");
    }
  }

  /** The base URL once serve says it listens; fails with its output if it does not in time. */
  String awaitUrl(Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (url == null && process.isAlive() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    if (url == null) {
      throw new AssertionError("serve did not start listening; its output:\n" + output());
    }
    return url;
  }

  String output() {
    return String.join("\n", lines);
  }

  Process process() {
    return process;
  }

  /** Sends SIGTERM and waits for the process to end; its exit code, or -1 if it did not. */
  int terminate(Duration within) throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() would also close our end of its output.
    process.toHandle().destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    // The reader may still be draining the last lines.
    Thread.sleep(200);
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
