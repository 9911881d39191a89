package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fetchboard serve` refuses what it cannot serve before listening, in one plain line. */
class ServeCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return FetchboardCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path workspace() throws Exception {
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(
        ws,
        "fetchboard: 1\nname: T\npanels:\n  - id: a\n    http: { url: \"http://127.0.0.1:1/\" }\n");
    return ws;
  }

  @Test
  void aListenAddressWithoutAPortIsAUsageError() throws Exception {
    assertThat(run("serve", workspace().toString(), "--listen", "0.0.0.0")).isEqualTo(2);
    assertThat(err.toString()).contains("fetchboard serve: --listen: '0.0.0.0' needs a port");
  }

  @Test
  void aSecretWrittenOnTheCommandLineIsRefusedWithoutRepeatingIt() throws Exception {
    assertThat(run("serve", workspace().toString(), "--bearer-token", "s3cr3t-value")).isEqualTo(2);
    assertThat(err.toString()).contains("${env:NAME}").doesNotContain("s3cr3t-value");
  }

  @Test
  void aBrokenWorkspaceAtStartIsToldWithLineAndColumn() throws Exception {
    Path ws = dir.resolve("broken.yaml");
    Files.writeString(ws, "fetchboard: 1\nname: T\npanels:\n  - id: a\n    http: { url: [\n");
    assertThat(run("serve", ws.toString(), "--listen", "127.0.0.1:0")).isEqualTo(2);
    assertThat(err.toString()).containsPattern("broken\\.yaml:\\d+:\\d+: ");
  }

  @Test
  void aDefaultRefreshUnderHalfASecondIsRefused() throws Exception {
    assertThat(run("serve", workspace().toString(), "--default-refresh", "100ms")).isEqualTo(2);
    assertThat(err.toString()).contains("--default-refresh must be at least 500ms");
  }
}
