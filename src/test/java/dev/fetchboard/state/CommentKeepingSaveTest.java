package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Saving over a file keeps what its author wrote around the values: comments, order, style. */
class CommentKeepingSaveTest {
  private final WorkspaceStore store = new WorkspaceStore();
  private final WorkspaceFile files = new WorkspaceFile();

  /** The complete example of docs/workspace.md, as a user would copy it. */
  static String docsExample() throws Exception {
    String doc = Files.readString(Path.of("docs/workspace.md"));
    int start = doc.indexOf("```yaml\n", doc.indexOf("## A complete example")) + 8;
    return doc.substring(start, doc.indexOf("```\n", start));
  }

  private String save(Workspace ws, @Nullable String previous) {
    return new String(store.bytes(ws, previous), StandardCharsets.UTF_8);
  }

  private static List<String> comments(String text) {
    return text.lines().filter(l -> l.contains("#")).map(l -> l.substring(l.indexOf('#'))).toList();
  }

  private static List<String> changedLines(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    var changed = new ArrayList<String>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : null;
      String y = i < b.size() ? b.get(i) : null;
      if (!java.util.Objects.equals(x, y)) {
        changed.add(x + " -> " + y);
      }
    }
    return changed;
  }

  @Test
  void anUnchangedWorkspaceSavesByteForByteAsItWasRead() throws Exception {
    String text = docsExample();
    Workspace ws = files.parseUnchecked(text, null);
    assertThat(save(ws, text)).isEqualTo(text);
  }

  @Test
  void theDocsExampleKeepsEveryCommentAndATitleEditChangesOneLine() throws Exception {
    String text = docsExample();
    assertThat(comments(text)).hasSizeGreaterThan(15);
    Workspace ws = files.parseUnchecked(text, null);
    PanelSpec orders = ws.panel("orders-api").orElseThrow();
    String saved = save(ws.withPanel(orders.withTitle("Orders API (v2)")), text);
    assertThat(comments(saved)).containsExactlyElementsOf(comments(text));
    assertThat(changedLines(text, saved))
        .containsExactly("    title: Orders API -> " + "    title: Orders API (v2)");
    assertThat(files.parseUnchecked(saved, null).panel("orders-api").orElseThrow().title())
        .isEqualTo("Orders API (v2)");
  }

  @Test
  void aChangedValueKeepsTheCommentOnItsLine() throws Exception {
    String text = docsExample();
    Workspace ws = files.parseUnchecked(text, null);
    PanelSpec orders = ws.panel("orders-api").orElseThrow();
    var http = orders.asHttp().orElseThrow().withTimeout(Duration.ofSeconds(7));
    var headers = new LinkedHashMap<>(http.headers());
    headers.put("X-Trace", "on");
    String saved = save(ws.withPanel(orders.withSource(http.withHeaders(headers))), text);
    assertThat(changedLines(text, saved))
        .containsExactly(
            "      headers: { Accept: application/json } -> "
                + "      headers: { Accept: application/json, X-Trace: \"on\" }",
            "      timeout: 5s                     # whole exchange, body included (default 30s) ->"
                + "       timeout: 7s                     # whole exchange, body included (default"
                + " 30s)");
  }

  @Test
  void anAddedPanelIsAppendedAndEveryOldLineStays() throws Exception {
    String text = docsExample();
    Workspace ws = files.parseUnchecked(text, null);
    var added =
        PanelSpec.http("health", "Health", HttpRequestSpec.get("${api}/health"))
            .withRefresh(Duration.ofSeconds(5));
    String saved = save(ws.withPanel(added), text);
    assertThat(saved).startsWith(text);
    assertThat(saved.substring(text.length()))
        .isEqualTo(
            """
              - id: health
                title: Health
                http:
                  method: GET
                  url: "${api}/health"
                view: table
                refresh: 5s
            """);
    assertThat(files.parseUnchecked(saved, null)).isEqualTo(ws.withPanel(added));
  }

  @Test
  void aDeletedPanelTakesItsOwnCommentsAlongAndLeavesTheOthers() throws Exception {
    String text = docsExample();
    Workspace ws = files.parseUnchecked(text, null);
    String saved = save(ws.withoutPanel("create-probe"), text);
    assertThat(saved).doesNotContain("create-probe").doesNotContain("# or text: \"…\"");
    var kept = new ArrayList<>(comments(text));
    kept.removeIf(c -> c.startsWith("# or text:") || c.startsWith("# JSONPath to the single"));
    assertThat(comments(saved)).containsExactlyElementsOf(kept);
    assertThat(files.parseUnchecked(saved, null)).isEqualTo(ws.withoutPanel("create-probe"));
  }

  @Test
  void reorderedPanelsCarryTheirCommentsWithThem() throws Exception {
    String text =
        """
        # Shop dashboard: owned by the checkout team
        fetchboard: 1
        name: Shop
        panels:
          # the slow one
          - id: a
            title: A   # first
            http: { url: "http://h/a" }

          # the fast one
          - id: b
            title: B
            http:
              url: http://h/b   # note b
        # end of panels
        """;
    Workspace ws = files.parseUnchecked(text, null);
    var reversed = new ArrayList<>(ws.panels());
    Collections.reverse(reversed);
    String saved = save(ws.withPanels(reversed), text);
    assertThat(saved)
        .isEqualTo(
            """
            # Shop dashboard: owned by the checkout team
            fetchboard: 1
            name: Shop
            panels:

              # the fast one
              - id: b
                title: B
                http:
                  url: http://h/b   # note b
              # the slow one
              - id: a
                title: A   # first
                http: { url: "http://h/a" }
            # end of panels
            """);
  }

  @Test
  void withoutAPreviousTextOrWithABrokenOneASaveIsWrittenAfresh() throws Exception {
    Workspace ws = files.parseUnchecked(docsExample(), null);
    String fresh = files.toYaml(ws);
    assertThat(save(ws, null)).isEqualTo(fresh);
    assertThat(save(ws, "fetchboard: 1\nname: [unclosed\n")).isEqualTo(fresh);
    assertThat(save(ws, "just text")).isEqualTo(fresh);
  }

  @Test
  void clearingATitleOrTheNameStillKeepsTheComments() throws Exception {
    String text = docsExample();
    Workspace ws = files.parseUnchecked(text, null);
    PanelSpec orders = ws.panel("orders-api").orElseThrow();
    String saved = save(ws.withName("").withPanel(orders.withTitle("")), text);
    assertThat(comments(saved)).containsExactlyElementsOf(comments(text));
    assertThat(saved).doesNotContain("title: Orders API").doesNotContain("name: Shop health");
    assertThat(new WorkspaceFile().toYaml(Workspace.named(""))).startsWith("fetchboard: 1");
  }
}
