package dev.fetchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.yaml.CommentKeepingWriter;
import dev.fetchboard.workspace.yaml.YamlTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property-based fuzzing of the workspace reader and writer: any text gives a workspace or a
 * positioned problem, in bounded time; written workspaces read back as they were, also when edited
 * over an older text with comments.
 */
@AddLifecycleHook(FuzzTries.class)
class WorkspaceReaderFuzzTest {
  private static final WorkspaceFile FILES = new WorkspaceFile();
  private static final ObjectMapper YAML = YamlMapping.newYamlMapper();

  private static final String SEED =
      """
      fetchboard: 1   # format
      name: Shop
      environment: local
      environments:
        local: { api: "http://127.0.0.1:8080" }
      connections:
        shop:
          url: postgresql://app@127.0.0.1:5432/shop
          password: ${env:PW}
      panels:
        # first
        - id: orders
          title: Orders
          http:
            url: ${api}/orders
            headers: { Accept: application/json }
            timeout: 5s
          rows: $.items
          refresh: 10s
          checks:
            - status: [200, 204]
            - jsonPath: { path: $.ok, equals: true }
        - id: count
          sql:
            connection: shop
            query: |
              select count(*)
              from orders
            params: { status: open }
          view: value
          checks:
            - value: { greaterThan: 0 }
      """;

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> yamlish =
        Arbitraries.strings()
            .withChars("abc:-[]{},&*!|>'\"#%@`?~ \n\t.0123456789$\\")
            .withCharRange('\u0000', '\u00ff')
            .ofMaxLength(200);
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.integers().between(0, SEED.length()),
                Arbitraries.integers().between(0, 40),
                Arbitraries.strings()
                    .withChars(":-[]{},&*!|>'\"#\n {}$.0123456789xyz\u00e9\u2028\ufeff\u0085")
                    .ofMaxLength(12))
            .as(
                (at, cut, insert) ->
                    SEED.substring(0, at)
                        + insert
                        + SEED.substring(Math.min(SEED.length(), at + cut)));
    return Arbitraries.oneOf(yamlish, mutated, mutated, mutated);
  }

  @Property(tries = 2000)
  void anyTextGivesAWorkspaceOrAProblemWithAPlace(@ForAll("hostileText") String text) {
    long start = System.nanoTime();
    try {
      FILES.parseLenient(text, null);
    } catch (WorkspaceException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.message()).isNotBlank();
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
              });
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Provide
  Arbitrary<Workspace> workspaces() {
    Arbitrary<String> ids =
        Arbitraries.strings().withChars("abcxyz-_.019").ofMinLength(1).ofMaxLength(8);
    // Empty texts are left out: an empty name or title is not written and reads back as unset.
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
            Arbitraries.of(
                "007", "1.10", "yes", "on", "null", "~", "#x", "a: b", "- x", "${api}/v"));
    Arbitrary<PanelSpec> panels =
        Combinators.combine(
                ids,
                text.injectNull(0.2),
                text,
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(ViewKind.values()).injectNull(0.3))
            .as(
                (id, title, url, refresh, view) ->
                    PanelSpec.http(id, title, HttpRequestSpec.get(url))
                        .withView(view)
                        .withRefresh(refresh == 0 ? null : Duration.ofSeconds(refresh)));
    return Combinators.combine(text, panels.list().ofMaxSize(6).uniqueElements(PanelSpec::id))
        .as((name, list) -> Workspace.named(name).withPanels(list));
  }

  @Provide
  Arbitrary<List<Integer>> edits() {
    return Arbitraries.integers().between(0, 4).list().ofMaxSize(4);
  }

  @Property(tries = 300)
  void aWrittenWorkspaceReadsBackAsItWas(@ForAll("workspaces") Workspace ws) throws Exception {
    assertThat(FILES.parseUnchecked(FILES.toYaml(ws), null)).isEqualTo(ws);
  }

  @Property(tries = 400)
  void anEditSavedOverCommentedTextReadsBackAndKeepsTheOtherPanelsComments(
      @ForAll("workspaces") Workspace before, @ForAll("edits") List<Integer> edits)
      throws Exception {
    String fresh = FILES.toYaml(before);
    // Strings YAML 1.2 cannot write in Jackson's style come out as JSON, which has no panel lines.
    Assume.that(!fresh.startsWith("{"));
    String text = commented(fresh);
    Workspace after = edit(before, edits);
    YamlTree tree = YamlTree.parse(text, 10_000_000);
    JsonNode old = YAML.valueToTree(FILES.parseUnchecked(text, null));
    JsonNode neu = YAML.valueToTree(after);
    String saved = CommentKeepingWriter.write(tree, old, neu, n -> yaml(n));
    assertThat(saved).as("the writer kept nothing of:%n%s", text).isNotNull();
    JsonNode readBack = YAML.valueToTree(FILES.parseUnchecked(saved, null));
    assertThat(readBack).as("saved over:%n%s%nas:%n%s", text, saved).isEqualTo(neu);
    for (PanelSpec p : after.panels()) {
      if (before.panel(p.id()).isPresent()) {
        assertThat(saved).contains("# panel " + p.id() + "\n");
      }
    }
  }

  /** The text with a comment line above each panel, as an author would write. */
  private static String commented(String text) {
    var sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("  - id: ")) {
        String id = idOf(line);
        sb.append("  # panel ").append(id).append('\n');
      }
      sb.append(line).append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }

  private static String idOf(String line) {
    try {
      return YAML.readTree(line.substring(4)).get("id").asText();
    } catch (Exception e) {
      return "?";
    }
  }

  private static Workspace edit(Workspace ws, List<Integer> edits) {
    var panels = new ArrayList<>(ws.panels());
    int n = 0;
    for (int e : edits) {
      n++;
      switch (e) {
        case 0 -> {
          if (!panels.isEmpty()) {
            panels.set(0, panels.get(0).withTitle("edited " + n));
          }
        }
        case 1 -> {
          if (!panels.isEmpty()) {
            panels.remove(panels.size() / 2);
          }
        }
        case 2 ->
            panels.add(
                PanelSpec.http("new-" + n, "New " + n, HttpRequestSpec.get("http://h/" + n)));
        case 3 -> java.util.Collections.reverse(panels);
        default -> {
          if (!panels.isEmpty()) {
            var p = panels.getLast();
            panels.set(
                panels.size() - 1,
                p.withSource(p.asHttp().orElseThrow().withUrl("http://changed/" + n)));
          }
        }
      }
    }
    return ws.withPanels(panels).withName(ws.name() + (edits.isEmpty() ? "" : "!"));
  }

  private static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
