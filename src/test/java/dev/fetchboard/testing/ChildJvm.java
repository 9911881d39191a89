package dev.fetchboard.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class's main in a fresh JVM on the test class path (crashes, small heaps). */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * @param jvmOptions e.g. {@code -Xmx64m}
   * @return the process, its stderr merged into stdout
   */
  public static Process start(List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // The child logs where the tests' JVM does, never into the real home.
    String logDir = System.getProperty("fetchboard.logDir");
    if (logDir != null) {
      command.add("-Dfetchboard.logDir=" + logDir);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
