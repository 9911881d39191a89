package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeWriterTest {
  @Test
  void controlAndBidiCharactersAreEscapedWhileTextLineFeedsAndTabsPass() throws Exception {
    var sink = new StringWriter();
    try (var w = new TerminalSafeWriter(sink)) {
      w.write("ok\té ✔\n\u001b[31m\rX\u0000\u009b\u202eevil");
      w.write(7);
    }
    assertThat(sink.toString()).isEqualTo("ok\té ✔\n\\x1B[31m\\x0DX\\x00\\x9B\\u202Eevil\\x07");
  }

  @Test
  void theProgressLinesOwnControlsPassButPrintedTextIsEscaped() {
    var bytes = new ByteArrayOutputStream();
    var err = TerminalPrintWriter.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    err.print("title \u001b[2J");
    err.printControl("\r\u001b[K");
    err.print("done\n");
    err.flush();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("title \\x1B[2J\r\u001b[Kdone\n");
  }
}
