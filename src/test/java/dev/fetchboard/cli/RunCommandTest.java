package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.testing.TestHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fetchboard run` end to end: files in, text out, exit codes. */
class RunCommandTest {
  @TempDir Path dir;
  private TestHttpServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    server = new TestHttpServer();
    server.respond(
        "/items",
        200,
        "application/json",
        "{\"items\":[{\"id\":1,\"name\":\"a,b\"},{\"id\":2,\"name\":\"c\"}]}");
    server.respond("/down", 503, "text/plain", "down");
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
    return FetchboardCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void exitsZeroWhenEveryPanelSucceedsAndPrintsATable() throws Exception {
    Path ws = workspace("  - id: items\n    http: { url: \"${api}/items\" }\n    rows: $.items\n");
    assertThat(run("run", ws.toString())).isZero();
    assertThat(out.toString())
        .contains("✔ items")
        .contains("id  name")
        .contains("a,b")
        .contains("1 panel OK");
  }

  @Test
  void exitsOneWhenAPanelFailsOrACheckDoesNotHold() throws Exception {
    Path ws =
        workspace(
            "  - id: items\n    http: { url: \"${api}/items\" }\n"
                + "  - id: down\n    http: { url: \"${api}/down\" }\n");
    assertThat(run("run", ws.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("✘ down").contains("1 of 2 panels failed");
  }

  @Test
  void controlCharactersFromTheFileOrTheServerAreShownAsEscapesNotSentToTheTerminal()
      throws Exception {
    server.respond("/ansi", 200, "text/plain", "\u001b]0;pwned\u0007 \u001b[2Jcleared");
    Path ws = workspace("  - id: ansi\n    http: { url: \"${api}/ansi\" }\n    view: raw\n");
    assertThat(run("run", ws.toString())).isZero();
    assertThat(out.toString())
        .doesNotContain("\u001b", "\u0007")
        .contains("\\x1B]0;pwned\\x07 \\x1B[2Jcleared");
    // A control character in the file itself is refused at its field.
    Path bad =
        workspace("  - id: ansi\n    title: \"\\e[31mred\"\n    http: { url: \"${api}/ansi\" }\n");
    assertThat(run("run", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .doesNotContain("\u001b")
        .contains("panels[0].title: a title cannot contain control characters");
  }

  @Test
  void watchQuietPrintsOnlyTheFailuresAndTheSummary() throws Exception {
    Path ws =
        workspace(
            "  - id: items\n    http: { url: \"${api}/items\" }\n"
                + "  - id: down\n    http: { url: \"${api}/down\" }\n");
    assertThat(run("watch", ws.toString(), "--every", "1s", "--duration", "2s", "--quiet"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("down").doesNotContain("✔ items").contains("runs in");
  }

  @Test
  void exitsTwoForUsageAndFileErrors() throws Exception {
    assertThat(run("run", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    Path ws = workspace("  - id: items\n    http: { url: \"${api}/items\" }\n");
    assertThat(run("run", ws.toString(), "--panel", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("no panel with id 'nope'").contains("known: items");
    assertThat(run("run", ws.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(run("run", ws.toString(), "--timeout", "soon")).isEqualTo(2);
    assertThat(run("run", ws.toString(), "--bogus")).isEqualTo(2);
    Files.writeString(dir.resolve("bad.yaml"), "fetchboard: 1\npanels: [ {id: x\n");
    assertThat(run("run", dir.resolve("bad.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.yaml:");
    Path nowhere = dir.resolve("no-such-folder").resolve("out.json");
    assertThat(run("run", ws.toString(), "--output", nowhere.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("there is no folder " + nowhere.getParent());
  }

  @Test
  void jsonFormatPrintsOneObjectPerPanelWithRows() throws Exception {
    Path ws =
        workspace(
            "  - id: items\n    http: { url: \"${api}/items\" }\n    rows: $.items\n"
                + "  - id: down\n    http: { url: \"${api}/down\" }\n");
    assertThat(run("run", ws.toString(), "--format", "json")).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    var mapper = new ObjectMapper();
    JsonNode items = mapper.readTree(lines.get(0));
    assertThat(items.get("panel").asText()).isEqualTo("items");
    assertThat(items.get("ok").asBoolean()).isTrue();
    assertThat(items.get("status").asInt()).isEqualTo(200);
    assertThat(items.get("rows").asInt()).isEqualTo(2);
    assertThat(items.get("data").get(0).get(1).asText()).isEqualTo("a,b");
    assertThat(items.has("elapsedMs")).isTrue();
    JsonNode down = mapper.readTree(lines.get(1));
    assertThat(down.get("ok").asBoolean()).isFalse();
    assertThat(down.get("checks").get(0).get("passed").asBoolean()).isFalse();
  }

  @Test
  void csvToAFileQuotesFieldsAndWritesEveryRow() throws Exception {
    Path ws = workspace("  - id: items\n    http: { url: \"${api}/items\" }\n    rows: $.items\n");
    Path csv = dir.resolve("out.csv");
    assertThat(run("run", ws.toString(), "--format", "csv", "--output", csv.toString())).isZero();
    assertThat(Files.readString(csv)).isEqualTo("# panel: items\nid,name\n1,\"a,b\"\n2,c\n");
  }

  @Test
  void sqlPanelsRunFromTheCommandLineWithExitCodesFromTheirChecks() throws Exception {
    Path file = dir.resolve("sql.yaml");
    Files.writeString(
        file,
        "fetchboard: 1\nname: S\nconnections:\n  db: { url: \""
            + dev.fetchboard.testing.TestDatabase.url()
            + "\" }\npanels:\n"
            + "  - id: answer\n    sql: { connection: db, query: \"select 42 as answer\" }\n"
            + "    view: value\n    checks: [ { value: { equals: 42 } } ]\n");
    assertThat(run("run", file.toString(), "--format", "json")).isZero();
    assertThat(out.toString()).contains("\"value\":42");
    Files.writeString(file, Files.readString(file).replace("equals: 42", "equals: 43"));
    assertThat(run("run", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("✘ value = 43 (was 42)");
  }

  @Test
  void repeatPrintsLatencyPercentilesAndThroughput() throws Exception {
    Path ws = workspace("  - id: items\n    http: { url: \"${api}/items\" }\n");
    assertThat(
            run("run", ws.toString(), "--repeat", "50", "--concurrency", "5", "--format", "json"))
        .isZero();
    JsonNode r = new ObjectMapper().readTree(out.toString().strip());
    assertThat(r.get("count").asInt()).isEqualTo(50);
    assertThat(r.get("failed").asInt()).isZero();
    for (String f : List.of("wallMs", "reqPerSec", "p50Ms", "p90Ms", "p99Ms", "maxMs")) {
      assertThat(r.has(f)).as(f).isTrue();
    }
  }
}
