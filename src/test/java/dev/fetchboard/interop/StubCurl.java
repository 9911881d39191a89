package dev.fetchboard.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs exported shell text with {@code bash -c} and a stub {@code curl} first on PATH that records
 * its arguments NUL-separated, so a test sees exactly what a pasted command would hand to curl.
 */
final class StubCurl {
  static final String END = "\u0001--end-of-call--";
  private final Path dir;
  private final Path calls;

  StubCurl(Path dir) throws IOException {
    this.dir = dir;
    this.calls = dir.resolve("calls.bin");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path curl = bin.resolve("curl");
    Files.writeString(
        curl,
        "#!/bin/sh\nprintf '%s\\0' \"$@\" >> \"$CURL_CALLS\"\nprintf '%s\\0' '"
            + END
            + "' >> \"$CURL_CALLS\"\n");
    Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The argument lists of each curl call the script made (argv[1..]). */
  List<List<String>> run(String script) throws IOException, InterruptedException {
    Files.deleteIfExists(calls);
    var pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
    pb.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("CURL_CALLS", calls.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("bash-output.txt").toFile());
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bash did not finish within 20 s");
    }
    var out = new ArrayList<List<String>>();
    if (!Files.exists(calls)) {
      return out;
    }
    String all = new String(Files.readAllBytes(calls), StandardCharsets.UTF_8);
    var current = new ArrayList<String>();
    int start = 0;
    for (int i = 0; i < all.length(); i++) {
      if (all.charAt(i) == '\0') {
        String arg = all.substring(start, i);
        start = i + 1;
        if (arg.equals(END)) {
          out.add(List.copyOf(current));
          current.clear();
        } else {
          current.add(arg);
        }
      }
    }
    return out;
  }

  String bashOutput() throws IOException {
    return Files.readString(dir.resolve("bash-output.txt"));
  }
}
