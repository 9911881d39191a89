package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random panels exported as cURL and run by bash with a stub curl: the arguments arrive byte for
 * byte, whatever the method, URL, headers and body hold. More tries on demand with {@code
 * -Djqwik.tries.default=N} (each try starts a bash).
 */
class CurlExportFuzzTest {
  private static Path dir;
  private static StubCurl stub;

  @BeforeContainer
  static void stub() throws Exception {
    dir = Files.createTempDirectory("curl-export-fuzz");
    stub = new StubCurl(dir);
  }

  @AfterContainer
  static void clean() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 15)
  void pastedCommandsHandCurlExactlyThePanelsValues(@ForAll("panels") List<PanelSpec> panels)
      throws Exception {
    // One bash per try, several commands in it: a bash start costs far more than a panel.
    var script = new StringBuilder();
    var expected = new java.util.ArrayList<List<String>>();
    for (PanelSpec p : panels) {
      script.append(CurlWriter.write(p)).append('\n');
      expected.add(CurlWriter.arguments(p));
      assertThat(expected.getLast())
          .contains(p.asHttp().orElseThrow().body().text().replace("\0", ""));
    }
    assertThat(stub.run(script.toString())).isEqualTo(expected);
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Provide
  Arbitrary<List<PanelSpec>> panels() {
    Arbitrary<String> t = text();
    Arbitrary<PanelSpec> panel =
        net.jqwik.api.Combinators.combine(t, t, t, t, t)
            .as(
                (method, url, name, value, body) ->
                    PanelSpec.http(
                        "p",
                        "p",
                        new HttpRequestSpec(
                            method,
                            url,
                            null,
                            Map.of(name.isEmpty() ? "X" : name, value),
                            BodySpec.text("text/plain", body),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)));
    return panel.list().ofMinSize(1).ofMaxSize(12);
  }

  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withCharRange('\u0000', '\u007f')
            .withChars('é', '漢', '\u2028', '\u00a0')
            .ofMaxLength(40),
        Arbitraries.of(
            "X'",
            "';touch pwned;'",
            "$(touch pwned)",
            "`touch pwned`",
            "\";touch pwned;#",
            "a\ntouch pwned\n",
            "=ls",
            "-o",
            "@/etc/passwd",
            "${env:API_TOKEN}",
            "{a,b}[1-2]",
            "\\'\\\"\\\\",
            "$'\\x41'"));
  }
}
