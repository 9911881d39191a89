package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fetchboard.testing.TestHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hostile inputs (files, arguments, responses) end in a plain message, never a crash. */
class HostileInputTest {
  private static final Duration QUICK = Duration.ofSeconds(20);
  @TempDir Path dir;
  private TestHttpServer server;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    server = new TestHttpServer();
    // 38 bytes whose plain decimal form is a billion digits long.
    server.respond("/huge", 200, "application/json", "[{\"n\":1e999999999}]");
    server.respond("/huge-value", 200, "application/json", "{\"n\":-1.5e999999999}");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Path workspace(String panels) throws Exception {
    Path file = dir.resolve("ws.yaml");
    Files.writeString(
        file,
        "fetchboard: 1\nname: T\nenvironment: local\nenvironments:\n  local: { api: \""
            + server.url("")
            + "\" }\npanels:\n"
            + panels);
    return file;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return assertTimeoutPreemptively(
        QUICK,
        () ->
            FetchboardCommand.execute(
                args, new PrintWriter(out, true), new PrintWriter(err, true)));
  }

  @Test
  void aNumberWithAHugeExponentPrintsInEveryFormatWithoutRunningOutOfMemory() throws Exception {
    Path ws =
        workspace(
            "  - id: streamed\n    http: { url: \"${api}/huge\" }\n"
                + "  - id: tree\n    http: { url: \"${api}/huge\" }\n    rows: $[*]\n");
    for (String format : new String[] {"table", "csv", "json"}) {
      assertThat(run("run", ws.toString(), "--format", format)).as(format).isZero();
      assertThat(out.toString()).as(format).contains("1E+999999999").hasSizeLessThan(5000);
      assertThat(err.toString()).as(format).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void aValueCheckOnAHugeNumberIsDecidedAndShownBriefly() throws Exception {
    Path ws =
        workspace(
            "  - id: v\n    http: { url: \"${api}/huge-value\" }\n    view: value\n"
                + "    value: $.n\n    checks:\n      - value: { lessThan: 0 }\n"
                + "      - value: { equals: 3 }\n");
    for (String format : new String[] {"table", "csv", "json"}) {
      assertThat(run("run", ws.toString(), "--format", format)).as(format).isEqualTo(1);
      assertThat(out.toString()).as(format).contains("-1.5E+999999999").hasSizeLessThan(5000);
    }
    run("run", ws.toString());
    assertThat(out.toString()).contains("✔ value < 0").contains("✘ value = 3");
  }

  @Test
  void aSmallWorkspaceWhoseVariablesExplodeFailsQuicklyNamingTheVariable() throws Exception {
    var env = new StringBuilder("      v0: abcdefghijklmnop\n");
    for (int i = 1; i <= 8; i++) {
      env.append("      v").append(i).append(": \"").append(("${v" + (i - 1) + "}").repeat(16));
      env.append("\"\n");
    }
    Path ws = dir.resolve("bomb.yaml");
    Files.writeString(
        ws,
        "fetchboard: 1\nname: B\nenvironment: e\nenvironments:\n  e:\n"
            + env
            + "panels:\n  - id: p\n    http: { url: \"http://127.0.0.1:9/${v8}\" }\n");
    assertThat(Files.size(ws)).isLessThan(1000);
    assertThat(run("run", ws.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("${v").contains("expands to more than");
  }

  @Test
  void impossibleCountsAreRefusedWhileReadingTheArgumentsBeforeAnythingStarts() throws Exception {
    Path ws = workspace("  - id: p\n    http: { url: \"${api}/huge\" }\n");
    // The database would take seconds to start; the refusal comes first.
    assertThat(run("demo", "--max-rows", "-5")).isEqualTo(2);
    assertThat(err.toString())
        .doesNotContain("starting the embedded PostgreSQL", "Illegal", "Exception")
        .contains("--max-rows")
        .contains("cannot be negative");
    assertThat(err.toString().lines()).hasSize(1);
    String[][] refused = {
      {"run", ws.toString(), "--concurrency", "0"},
      {"run", ws.toString(), "--per-host", "-3"},
      {"run", ws.toString(), "--repeat", "0"},
      {"run", ws.toString(), "--repeat", "99999999999"},
      {"run", ws.toString(), "--max-rows", "-1"},
      {"watch", ws.toString(), "--concurrency", "0"},
      {"watch", ws.toString(), "--duration", "0s"},
      {"watch", ws.toString(), "--every", "-5s"},
      {"run", ws.toString(), "--timeout", "-5s"},
    };
    for (String[] args : refused) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(err.toString()).as(String.join(" ", args)).contains(args[2]);
      assertThat(out.toString()).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void portsOutOfRangeAreRefusedAtTheirField() throws Exception {
    Path ws =
        workspace(
            "  - id: p\n    http: { url: \"http://127.0.0.1:999999/x\" }\n"
                + "  - id: q\n    http: { url: \"http://127.0.0.1:99999999999/x\" }\n");
    assertThat(run("run", ws.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("panels[0].http.url: port 999999 is out of range")
        .doesNotContain("IllegalArgument", "unexpected");
    Path db = dir.resolve("db.yaml");
    Files.writeString(
        db,
        "fetchboard: 1\nname: D\nconnections:\n  shop: { url: \"postgresql://app@127.0.0.1:999999/shop\" }\n"
            + "panels:\n  - id: q\n    sql: { connection: shop, query: select 1 }\n");
    assertThat(run("run", db.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("connections.shop.url: port 999999 is out of range");
  }

  @Test
  void impossibleSizesAndDurationsSayWhatIsWrong() throws Exception {
    String[][] cases = {
      {"maxBytes: 0", "http.maxBytes: a size must be at least 1 byte"},
      {"maxBytes: 0KB", "http.maxBytes: a size must be at least 1 byte"},
      {"maxBytes: -5MB", "http.maxBytes: a size cannot be negative"},
      {"maxBytes: [1]", "http.maxBytes: a size is written like"},
      {"timeout: -5s", "http.timeout: a duration cannot be negative"},
      {"timeout: -3", "http.timeout: a duration cannot be negative"},
      {"timeout: 99999999999999999999h", "http.timeout: '99999999999999999999h' is longer than"},
    };
    for (String[] c : cases) {
      Path ws = workspace("  - id: p\n    http: { url: \"${api}/huge\", " + c[0] + " }\n");
      assertThat(run("run", ws.toString())).as(c[0]).isEqualTo(2);
      assertThat(err.toString()).as(c[0]).contains(c[1]).doesNotContain("expected a mapping");
    }
  }

  @Test
  void csvOutputRunsNoFormulaAServerSentAndKeepsErrorsOnOneLine() throws Exception {
    server.respond(
        "/formula",
        200,
        "application/json",
        "[{\"=x\":\"=HYPERLINK(\\\"http://evil/\\\")\",\"n\":-5,\"t\":\"@SUM(A1)\"}]");
    Path ws = workspace("  - id: f\n    http: { url: \"${api}/formula\" }\n");
    assertThat(run("run", ws.toString(), "--format", "csv")).isZero();
    assertThat(out.toString())
        .contains("'=x,n,t\n")
        .contains("\"'=HYPERLINK(\"\"http://evil/\"\")\",-5,'@SUM(A1)\n");

    var text = new StringWriter();
    new CsvPrinter(text)
        .result(
            dev.fetchboard.workspace.PanelSpec.http(
                "p", "p", dev.fetchboard.workspace.HttpRequestSpec.get("http://127.0.0.1:9/")),
            dev.fetchboard.engine.RunResult.failed(
                "p",
                1,
                java.time.Instant.now(),
                Duration.ZERO,
                dev.fetchboard.engine.RunError.of(
                    dev.fetchboard.engine.ErrorKind.QUERY, "bad\r\n=cmd|' /C calc'!A0\rend"),
                1));
    assertThat(text.toString()).isEqualTo("# panel: p\n# error: bad  =cmd|' /C calc'!A0 end\n");
  }

  @Test
  void aHugeBoundWrittenInACheckIsRefusedBrieflyAtItsPlace() throws Exception {
    Path ws =
        workspace(
            "  - id: v\n    http: { url: \"${api}/huge-value\" }\n    value: $.n\n"
                + "    checks:\n      - value: { lessThan: 1.0e+999999999, atLeast: -2.0e+999999999 }\n");
    // The workspace reader bounds numbers as it reads: refused at its place, in one short line.
    assertThat(run("run", ws.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("out of range")
        .containsPattern("line \\d+|:\\d+:\\d+")
        .doesNotContain("Exception")
        .hasSizeLessThan(2000);
  }
}
