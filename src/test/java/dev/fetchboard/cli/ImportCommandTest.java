package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.http.HttpSource;
import dev.fetchboard.testing.TestHttpServer;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fetchboard import` and `fetchboard export` end to end through the real command line. */
class ImportCommandTest {
  @TempDir Path dir;
  private TestHttpServer server;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    server = new TestHttpServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return FetchboardCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void anImportedCurlCommandRunsWithTheRealEngineAndSendsWhatCurlWould() throws Exception {
    var seen = new AtomicReference<String>();
    server.handle(
        "/orders",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.set(
              ex.getRequestMethod()
                  + " "
                  + ex.getRequestURI()
                  + " "
                  + ex.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + ex.getRequestHeaders().getFirst("X-Trace")
                  + " "
                  + body);
          TestHttpServer.send(ex, 201, "application/json", "{\"id\":7}");
        });
    Path curl = dir.resolve("order.curl");
    Files.writeString(
        curl,
        "curl '"
            + server.url("/orders?dryRun=true")
            + "' \\\n  -H 'X-Trace: t-1' \\\n  -H 'Content-Type: application/json' \\\n"
            + "  --data-raw '{\"sku\":\"SKU-1\"}'\n");
    Path ws = dir.resolve("shop.yaml");
    assertThat(run("import", curl.toString(), "--into", ws.toString())).isZero();
    assertThat(err.toString()).contains("added 1 panel to");

    Workspace workspace = new WorkspaceFile().read(ws);
    PanelSpec panel = workspace.panels().getFirst();
    try (var engine = new Engine(new EngineConfig(4, 4), List.of(new HttpSource()))) {
      RunResult result = engine.run(workspace, panel, e -> {}).await().getFirst();
      assertThat(result.ok()).isTrue();
    }
    assertThat(seen.get())
        .isEqualTo("POST /orders?dryRun=true application/json t-1 {\"sku\":\"SKU-1\"}");
  }

  @Test
  void importingTwiceIntoOneWorkspaceKeepsIdsUnique() throws Exception {
    Path curl = dir.resolve("a.curl");
    Files.writeString(curl, "curl https://api.example.com/orders");
    Path ws = dir.resolve("ws.yaml");
    assertThat(run("import", curl.toString(), "--into", ws.toString())).isZero();
    assertThat(run("import", curl.toString(), "--into", ws.toString())).isZero();
    assertThat(new WorkspaceFile().read(ws).panels())
        .extracting(PanelSpec::id)
        .containsExactly("get-orders", "get-orders-2");
  }

  @Test
  void withoutIntoItPrintsWorkspaceYamlWithReferencesNotSecrets() throws Exception {
    Path curl = dir.resolve("login.curl");
    Files.writeString(curl, "curl -u ops:s3cr3t https://api.example.com/health");
    assertThat(run("import", curl.toString())).isZero();
    assertThat(out.toString())
        .startsWith("fetchboard: 1")
        .contains("password: \"${env:API_EXAMPLE_COM_PASSWORD}\"")
        .doesNotContain("s3cr3t");
    assertThat(err.toString()).contains("API_EXAMPLE_COM_PASSWORD");
  }

  @Test
  void aMalformedCommandExitsTwoWithThePositionAndWritesNothing() throws Exception {
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(ws, "fetchboard: 1\nname: keep me\n");
    assertThat(
            run(
                "import",
                Path.of("src/test/resources/interop/unterminated.curl").toString(),
                "--into",
                ws.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("line 2, column 6: unterminated single quote");
    assertThat(Files.readString(ws)).isEqualTo("fetchboard: 1\nname: keep me\n");
  }

  @Test
  void aWorkspaceThatFailsToLoadIsNeverOverwritten() throws Exception {
    Path curl = dir.resolve("a.curl");
    Files.writeString(curl, "curl https://api.example.com/orders");
    Path ws = dir.resolve("broken.yaml");
    String broken = "fetchboard: 1\npanels: [ {id: x\n";
    Files.writeString(ws, broken);
    assertThat(run("import", curl.toString(), "--into", ws.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nothing was written");
    assertThat(Files.readString(ws)).isEqualTo(broken);
  }

  @Test
  void dryRunPrintsTheMergedWorkspaceAndLeavesTheFileAlone() throws Exception {
    Path curl = dir.resolve("a.curl");
    Files.writeString(curl, "curl https://api.example.com/orders");
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(ws, "fetchboard: 1\nname: Mine\n");
    assertThat(run("import", curl.toString(), "--into", ws.toString(), "--dry-run")).isZero();
    assertThat(out.toString()).contains("name: Mine").contains("id: get-orders");
    assertThat(Files.readString(ws)).isEqualTo("fetchboard: 1\nname: Mine\n");
  }

  @Test
  void unknownFormatsAndMissingFilesExitTwo() throws Exception {
    assertThat(run("import", dir.resolve("nope.curl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "just some notes");
    assertThat(run("import", text.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot tell the format");
    assertThat(run("import", text.toString(), "--format", "soap")).isEqualTo(2);
  }

  @Test
  void exportPrintsCurlCommandsThatKeepReferences() throws Exception {
    Path ws = dir.resolve("ws.yaml");
    Files.writeString(
        ws,
        """
        fetchboard: 1
        name: T
        panels:
          - id: orders
            http:
              url: https://api.example.com/orders
              auth: { bearer: "${env:API_TOKEN}" }
          - id: other
            http: { url: https://api.example.com/other }
        """);
    assertThat(run("export", ws.toString(), "--panel", "orders")).isZero();
    assertThat(out.toString())
        .startsWith("# orders\ncurl https://api.example.com/orders")
        .contains("-H 'Authorization: Bearer ${env:API_TOKEN}'")
        .doesNotContain("other");
    assertThat(run("export", ws.toString(), "--panel", "missing")).isEqualTo(2);
  }

  @Test
  void anHttpFileImportsIntoAWorkspaceThatExportsBackAsHttp() throws Exception {
    Path ws = dir.resolve("shop.yaml");
    assertThat(
            run(
                "import",
                "src/test/resources/interop/shop.http",
                "--into",
                ws.toString(),
                "--format",
                "http"))
        .isZero();
    Workspace workspace = new WorkspaceFile().read(ws);
    assertThat(workspace.environment()).isEqualTo("http-file");
    assertThat(workspace.panels()).hasSize(3);
    assertThat(Files.readString(ws)).doesNotContain("sk_live");
    assertThat(run("export", ws.toString(), "--format", "http")).isZero();
    assertThat(out.toString())
        .contains("@host = https://api.example.com")
        .contains("### List orders\n# @name list-orders\nGET {{host}}/orders?limit={{limit}}");
  }

  @Test
  void postmanCollectionEnvironmentAndOpenApiMergeIntoOneValidWorkspace() throws Exception {
    Path ws = dir.resolve("all.yaml");
    String res = "src/test/resources/interop/";
    assertThat(run("import", res + "shop.postman_collection.json", "--into", ws.toString()))
        .isZero();
    assertThat(err.toString()).contains("note: set the environment variable ACCESS_TOKEN");
    assertThat(run("import", res + "shop.postman_environment.json", "--into", ws.toString()))
        .isZero();
    assertThat(run("import", res + "shop-openapi.yaml", "--into", ws.toString())).isZero();
    Workspace workspace = new WorkspaceFile().read(ws);
    assertThat(workspace.environments()).containsKeys("shop-api", "shop-staging");
    assertThat(workspace.environment()).isEqualTo("shop-api");
    assertThat(workspace.panels()).hasSize(7);
    assertThat(workspace.panels()).extracting(PanelSpec::id).doesNotHaveDuplicates();
    assertThat(Files.readString(ws)).doesNotContain("eyJhbGci", "whsec_abc", "hunter2", "s3cr3t");
  }

  @Test
  void malformedPostmanAndOpenApiFilesExitTwoWithPositions() {
    String res = "src/test/resources/interop/";
    assertThat(run("import", res + "malformed.postman_collection.json")).isEqualTo(2);
    assertThat(err.toString()).contains("line 8, column 3: not valid JSON");
    assertThat(run("import", res + "malformed-openapi.yaml", "--format", "openapi")).isEqualTo(2);
    assertThat(err.toString()).containsPattern("line \\d+, column \\d+: not valid YAML");
    assertThat(run("import", res + "petstore-swagger2.json", "--format", "openapi")).isEqualTo(2);
    assertThat(err.toString()).contains("only OpenAPI 3");
  }

  @Test
  void aDashReadsTheCommandFromStandardInput() {
    var saved = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "curl -X PUT https://api.example.com/items/1 -d 'a=1'"
                  .getBytes(StandardCharsets.UTF_8)));
      assertThat(run("import", "-")).isZero();
    } finally {
      System.setIn(saved);
    }
    assertThat(out.toString()).contains("name: Imported").contains("method: PUT");
  }

  @Test
  void oneLiteralCookieInACollectionDoesNotFailTheImportAndIsNeverWritten() throws Exception {
    Path collection = dir.resolve("c.postman_collection.json");
    Files.writeString(
        collection,
        """
        {"info": {"name": "Shop", "schema":
          "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "item": [
          {"name": "a", "request": {"method": "GET", "url": "https://shop.test/a"}},
          {"name": "b", "request": {"method": "GET", "url": "https://shop.test/b",
            "header": [{"key": "Cookie", "value": "sid=cookie-SECRET-1"},
                       {"key": "X-Auth-Token", "value": "token-SECRET-2"}]}}]}
        """);
    Path ws = dir.resolve("ws.yaml");
    assertThat(run("import", collection.toString(), "--into", ws.toString())).isZero();
    assertThat(new WorkspaceFile().read(ws).panels()).hasSize(2);
    assertThat(Files.readString(ws)).contains("${env:SHOP_COOKIE}").doesNotContain("SECRET");
    assertThat(err.toString())
        .contains("SHOP_COOKIE", "SHOP_X_AUTH_TOKEN")
        .doesNotContain("SECRET");
  }

  @Test
  void deviceFilesAndOversizedInputsAreRefusedBeforeReading() throws Exception {
    long start = System.nanoTime();
    assertThat(run("import", "/dev/zero")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("fetchboard import: /dev/zero: not a regular file (a device); nothing was read");
    Path big = dir.resolve("big.curl");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(9L * 1024 * 1024); // sparse: nothing written
    }
    assertThat(run("import", big.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("larger than 8 MB").doesNotContain("Exception");
    assertThat(run("import", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a folder").doesNotContain("Exception");
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }

  @Test
  void importIntoADeviceIsRefusedWithOneLine() throws Exception {
    Path curl = dir.resolve("a.curl");
    Files.writeString(curl, "curl https://api.example.com/orders");
    assertThat(run("import", curl.toString(), "--into", "/dev/full")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "fetchboard import: /dev/full: not a regular file (a device); nothing was written");
  }

  @Test
  void aFileThatIsNotUtf8TextIsRefusedPlainly() throws Exception {
    Path bin = dir.resolve("x.curl");
    Files.write(bin, new byte[] {'c', 'u', 'r', 'l', ' ', (byte) 0xff, (byte) 0xfe});
    assertThat(run("import", bin.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not UTF-8 text").doesNotContain("Exception");
  }
}
