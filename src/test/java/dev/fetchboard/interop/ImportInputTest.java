package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Import reads files through the same bounds as the CLI. */
class ImportInputTest {
  @TempDir Path dir;

  @Test
  void theWindowsImportRefusesDevicesInsteadOfReadingForever() {
    assertThatThrownBy(() -> Importers.read(Path.of("/dev/zero")))
        .isInstanceOf(ImportException.class)
        .hasMessage("/dev/zero: not a regular file (a device); nothing was read");
  }

  @Test
  void standardInputIsReadUpTo8MegabytesAndNoMore() throws Exception {
    var huge =
        new java.io.InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };
    assertThatThrownBy(() -> ImportInput.read(huge, "<stdin>"))
        .hasMessage("<stdin>: the input is larger than 8 MB");
    assertThat(
            ImportInput.read(
                new ByteArrayInputStream("\uFEFFcurl x".getBytes(StandardCharsets.UTF_8)),
                "<stdin>"))
        .isEqualTo("curl x");
  }

  @Test
  void aMissingTargetIsFineAndARegularOneToo() throws Exception {
    ImportInput.checkTarget(dir.resolve("new.yaml"));
    ImportInput.checkTarget(Files.writeString(dir.resolve("ws.yaml"), "fetchboard: 1\n"));
    assertThatThrownBy(() -> ImportInput.checkTarget(dir))
        .hasMessage(dir + ": a folder, not a workspace file; nothing was written");
  }
}
