package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text given to the cURL, Postman, .http and OpenAPI importers ends in an ImportResult or an
 * ImportException with a plain message: never another exception, never a hang. Each property runs
 * jqwik's default number of tries (1000) in {@code mvn verify}; more on demand with {@code
 * -Djqwik.tries.default=N}. Inputs are built from each format's own vocabulary, and from the sample
 * files with random edits, so that they get past the first check.
 */
class ImporterFuzzTest {
  private static final ExecutorService PARSER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "importer-fuzz");
            t.setDaemon(true);
            return t;
          });
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  interface Importer {
    ImportResult parse(String text) throws ImportException;
  }

  /** Parses within 5 s; the outcome must be a result or a plain ImportException. */
  static void plainOutcome(Importer importer, String text) throws Exception {
    Future<Object> f =
        PARSER.submit(
            () -> {
              try {
                return importer.parse(text);
              } catch (ImportException e) {
                return e;
              }
            });
    Object outcome;
    try {
      outcome = f.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("the importer did not finish within 5 s on: " + text);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the importer threw " + e.getCause() + " on: " + text, e.getCause());
    }
    if (outcome instanceof ImportException e) {
      assertThat(e.getMessage())
          .as("message for: " + text)
          .isNotBlank()
          .doesNotContain("Exception", "java.", "com.fasterxml", "\tat ");
    } else {
      assertThat(outcome).isInstanceOf(ImportResult.class);
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void curlCommandsFromCurlsVocabulary(@ForAll("curl") String text) throws Exception {
    plainOutcome(CurlParser::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void editedCurlSamples(@ForAll("editedCurl") String text) throws Exception {
    plainOutcome(CurlParser::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void httpFilesFromTheFormatsVocabulary(@ForAll("http") String text) throws Exception {
    plainOutcome(HttpFileImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void editedHttpSamples(@ForAll("editedHttp") String text) throws Exception {
    plainOutcome(HttpFileImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void postmanDocumentsOfAnyShape(@ForAll("postman") String text) throws Exception {
    plainOutcome(PostmanImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void editedPostmanSamples(@ForAll("editedPostman") String text) throws Exception {
    plainOutcome(PostmanImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void openApiDocumentsOfAnyShape(@ForAll("openapi") String text) throws Exception {
    plainOutcome(OpenApiImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void editedOpenApiSamples(@ForAll("editedOpenApi") String text) throws Exception {
    plainOutcome(OpenApiImporter::parse, text);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
  void detectionAndImportOfAnyText(@ForAll("anyText") String text) throws Exception {
    plainOutcome(Importers::read, text);
  }

  // --- generators ---

  private static Arbitrary<String> junk() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u007f')
        .withChars('é', '\u2028', '\uFEFF', '{', '}', '$', '\'', '"', '\\')
        .ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(junk(), curl(), http(), postman(), openapi());
  }

  @Provide
  Arbitrary<String> curl() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "-X",
                "-H",
                "-d",
                "--data-raw",
                "--data-urlencode",
                "-F",
                "--form-string",
                "-u",
                "-k",
                "-L",
                "-G",
                "-I",
                "-b",
                "-A",
                "-e",
                "--url",
                "--oauth2-bearer",
                "-E",
                "--proxy-user",
                "-x",
                "--retry",
                "-sSL",
                "-XPOST",
                "-Hx:y",
                "--compressed",
                "-",
                "--",
                "-#",
                "http://u:p@h.test/a?token=t&x=1",
                "https://h.test/{{a}}",
                "${env:X}",
                "h.test",
                "x:y",
                "Authorization: Bearer t",
                "Cookie: a=b",
                "Authorization: Basic YTpi",
                "X-Api-Key: k",
                "Content-Type: application/json",
                "{\"password\":\"p\",\"a\":[1,{\"token\":\"t\"}]}",
                "a=@f",
                "@file",
                "name;",
                "'",
                "\"",
                "$'\\x4",
                "\\",
                "\\\n",
                "$'\\u12'"),
            junk());
    Arbitrary<String> quoted =
        Combinators.combine(word, Arbitraries.of("", "'", "\"", "$'"))
            .as((w, q) -> q.isEmpty() ? w : q + w + (q.equals("$'") ? "'" : q));
    return quoted.list().ofMaxSize(10).map(ws -> "curl " + String.join(" ", ws));
  }

  @Provide
  Arbitrary<String> http() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
                "###",
                "### title",
                "GET https://h.test/a",
                "POST {{host}}/a HTTP/1.1",
                "https://u:p@h.test/x?api_key=k",
                "/relative",
                "{{host}}",
                "    ?a=1",
                "    &b={{x}}",
                "    &c={{$processEnv X}}",
                "@host = https://h.test",
                "@token = t",
                "@ x = y",
                "@pwd=",
                "Accept: application/json",
                "Authorization: Bearer t",
                "Authorization: Basic YTpi",
                "Cookie: a=b",
                "Content-Type: application/json",
                "",
                "{",
                "{\"password\": \"p\"}",
                "> {% x %}",
                ">> out",
                "< ./f",
                "# @name n",
                "// c",
                "{{fetchboard_lbrace}}",
                "{{$uuid}}",
                "${x}",
                "GET"),
            junk());
    return line.list().ofMaxSize(14).map(ls -> String.join("\n", ls));
  }

  private static Arbitrary<JsonNode> tree(List<String> keys, List<String> strings, int depth) {
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            Arbitraries.of(strings).map(NODES::textNode),
            junk().map(NODES::textNode),
            Arbitraries.integers().between(-2, 300).map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = tree(keys, strings, depth - 1);
    Arbitrary<JsonNode> object =
        Arbitraries.of(keys)
            .list()
            .ofMaxSize(4)
            .flatMap(
                ks ->
                    child
                        .list()
                        .ofSize(ks.size())
                        .map(
                            vs -> {
                              var o = NODES.objectNode();
                              for (int i = 0; i < ks.size(); i++) {
                                o.set(ks.get(i), vs.get(i));
                              }
                              return (JsonNode) o;
                            }));
    Arbitrary<JsonNode> array =
        child.list().ofMaxSize(3).map(vs -> (JsonNode) NODES.arrayNode().addAll(vs));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(2, array));
  }

  @Provide
  Arbitrary<String> postman() {
    var keys =
        List.of(
            "info",
            "schema",
            "name",
            "item",
            "request",
            "method",
            "url",
            "raw",
            "host",
            "path",
            "query",
            "header",
            "key",
            "value",
            "disabled",
            "enabled",
            "body",
            "mode",
            "urlencoded",
            "formdata",
            "graphql",
            "options",
            "language",
            "auth",
            "type",
            "bearer",
            "basic",
            "apikey",
            "in",
            "token",
            "username",
            "password",
            "event",
            "variable",
            "values",
            "protocol",
            "port",
            "variables");
    var strings =
        List.of(
            "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
            "collection/v1",
            "GET",
            "X'",
            "raw",
            "urlencoded",
            "formdata",
            "graphql",
            "file",
            "bearer",
            "basic",
            "apikey",
            "oauth2",
            "query",
            "header",
            "secret",
            "json",
            "{{baseUrl}}/a",
            "https://u:p@h.test/a?token=t",
            "pwd",
            "private_key",
            "Cookie",
            "{\"password\":\"p\"}");
    return tree(keys, strings, 4)
        .map(
            n -> {
              if (n.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n)
                    .putObject("info")
                    .put("schema", strings.getFirst());
              }
              return n.toString();
            });
  }

  @Provide
  Arbitrary<String> openapi() {
    var keys =
        List.of(
            "openapi",
            "swagger",
            "info",
            "title",
            "servers",
            "url",
            "variables",
            "default",
            "paths",
            "/a/{id}",
            "/b",
            "get",
            "post",
            "parameters",
            "name",
            "in",
            "required",
            "example",
            "examples",
            "value",
            "schema",
            "type",
            "format",
            "enum",
            "minimum",
            "$ref",
            "components",
            "securitySchemes",
            "security",
            "responses",
            "200",
            "content",
            "application/json",
            "properties",
            "items",
            "summary",
            "operationId",
            "scheme");
    var strings =
        List.of(
            "3.0.3",
            "3.1.0",
            "2.0",
            "path",
            "query",
            "header",
            "cookie",
            "id",
            "token",
            "api_key",
            "string",
            "integer",
            "array",
            "object",
            "date",
            "uuid",
            "http",
            "bearer",
            "basic",
            "apiKey",
            "oauth2",
            "#/components/parameters/p",
            "#/paths",
            "#/",
            "other.yaml#/x",
            "https://h.test/{v}",
            "/relative");
    ObjectMapper yaml = new YAMLMapper();
    return Combinators.combine(tree(keys, strings, 4), Arbitraries.of(true, false))
        .as(
            (n, asYaml) -> {
              if (n.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("openapi", "3.0.3");
              }
              try {
                return asYaml ? yaml.writeValueAsString(n) : n.toString();
              } catch (Exception e) {
                return n.toString();
              }
            });
  }

  @Provide
  Arbitrary<String> editedCurl() {
    return edited("create-order.curl");
  }

  @Provide
  Arbitrary<String> editedHttp() {
    return edited("shop.http");
  }

  @Provide
  Arbitrary<String> editedPostman() {
    return edited("shop.postman_collection.json");
  }

  @Provide
  Arbitrary<String> editedOpenApi() {
    return edited("shop-openapi.yaml");
  }

  /** A sample with a few random deletions, insertions and replacements. */
  private static Arbitrary<String> edited(String sample) {
    String text;
    try {
      text = Files.readString(Path.of("src/test/resources/interop", sample));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, text.length()),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 20))
            .as((kind, at, len, what) -> new int[] {kind, at, len, what});
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            junk(),
            Arbitraries.of(
                "'",
                "\"",
                "{",
                "}",
                "[",
                "]",
                ":",
                "\n",
                "{{",
                "}}",
                "${",
                "&",
                "?",
                "#",
                "@",
                " *a",
                "&x",
                "- ",
                "\t",
                "\\",
                "$ref: '#/'",
                "{{$processEnv X}}",
                "1e999999"));
    return Combinators.combine(edit.list().ofMinSize(1).ofMaxSize(4), insert.list().ofSize(4))
        .as(
            (edits, inserts) -> {
              var sb = new StringBuilder(text);
              for (int i = 0; i < edits.size(); i++) {
                int[] e = edits.get(i);
                int at = Math.min(e[1], sb.length());
                int end = Math.min(at + e[2], sb.length());
                switch (e[0]) {
                  case 0 -> sb.delete(at, end);
                  case 1 -> sb.insert(at, inserts.get(i));
                  default -> sb.replace(at, end, inserts.get(i));
                }
              }
              return sb.toString();
            });
  }
}
