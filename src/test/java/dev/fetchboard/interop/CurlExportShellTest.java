package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.BodySpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported cURL commands pasted into bash hand curl exactly the panel's values and run nothing. */
class CurlExportShellTest {
  @TempDir Path dir;

  @Test
  void aHostilePostmanMethodAndUrlRunNothingWhenPasted() throws Exception {
    Path canary = dir.resolve("pwned");
    String url = "http://127.0.0.1:9/a;touch$IFS" + canary + ";#";
    String collection =
        """
        {"info": {"name": "Evil", "schema":
          "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "item": [{"name": "x", "request": {"method": "X'", "url": %s}}]}
        """
            .formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(url).toString());
    List<PanelSpec> panels = PostmanImporter.parse(collection).panels();
    String exported = Importers.toCurl(panels);

    var stub = new StubCurl(dir);
    List<List<String>> calls = stub.run(exported);

    assertThat(canary).doesNotExist();
    assertThat(calls).as(stub.bashOutput()).hasSize(1);
    assertThat(calls.getFirst()).containsSubsequence("-X", "X'").contains(url);
    assertThat(calls.getFirst()).isEqualTo(CurlWriter.arguments(panels.getFirst()));
  }

  @Test
  void aTitleWithLineBreaksStaysInsideItsComment() throws Exception {
    Path canary = dir.resolve("pwned");
    var panel =
        PanelSpec.http(
            "p", "Orders\ntouch " + canary + "\n\r#", HttpRequestSpec.get("http://127.0.0.1:9/"));
    var stub = new StubCurl(dir);
    List<List<String>> calls = stub.run(Importers.toCurl(List.of(panel, panel)));
    assertThat(canary).doesNotExist();
    assertThat(calls).as(stub.bashOutput()).hasSize(2);
  }

  @Test
  void everyArgumentArrivesByteIdenticalWhateverItHolds() throws Exception {
    String nasty = "a'b\"c\\d$(touch x)`id`${HOME}!$IFS\n\r\t~*?[x]{a,b} é 漢 😀 ;|&<>#";
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-Nasty", nasty);
    headers.put("X-Empty", "");
    var panel =
        PanelSpec.http(
            "p",
            "p",
            new HttpRequestSpec(
                "PO$T'",
                "http://127.0.0.1:9/" + nasty,
                java.util.Map.of("q", nasty),
                headers,
                BodySpec.text("text/plain", nasty),
                AuthSpec.basic("u", nasty),
                null,
                null,
                null,
                null,
                null));
    List<String> expected = CurlWriter.arguments(panel);
    assertThat(expected)
        .contains("PO$T'", "X-Nasty: " + nasty, "u:" + nasty, nasty)
        .anyMatch(a -> a.startsWith("http://127.0.0.1:9/" + nasty));
    var stub = new StubCurl(dir);
    assertThat(stub.run(CurlWriter.write(panel))).containsExactly(expected);
    assertThat(ShellWords.split(CurlWriter.write(panel))).isEqualTo(prepend("curl", expected));
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void aFormFieldNameCannotMakeCurlReadALocalFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
    var form = new LinkedHashMap<String, String>();
    form.put("name@" + secret, "v");
    var panel =
        PanelSpec.http(
            "p",
            "p",
            HttpRequestSpec.get("http://127.0.0.1:9/")
                .withMethod("POST")
                .withBody(BodySpec.form(form)));
    List<String> args = CurlWriter.arguments(panel);
    // curl reads a file for "name@file" and "@file": the name must reach it encoded.
    assertThat(args).noneMatch(a -> a.contains("@" + secret));
    assertThat(args).contains("name%40" + secret.toString().replace("/", "%2F") + "=v");
  }

  private static List<String> prepend(String first, List<String> rest) {
    var out = new java.util.ArrayList<String>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
