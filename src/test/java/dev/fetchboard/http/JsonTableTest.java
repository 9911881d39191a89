package dev.fetchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import org.junit.jupiter.api.Test;

class JsonTableTest {
  private final ObjectMapper json =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private ResultTable table(String text, int max) throws Exception {
    return JsonTable.from(json.readTree(text), max);
  }

  @Test
  void nestedObjectsBecomeDottedColumnsAndArraysStayJson() throws Exception {
    ResultTable t =
        table(
            "[{\"id\":1,\"customer\":{\"name\":\"Ann\",\"address\":{\"city\":\"Oslo\"}},\"tags\":[\"a\",\"b\"]}]",
            10);
    assertThat(t.columns())
        .extracting(Column::name)
        .containsExactly("id", "customer.name", "customer.address.city", "tags");
    assertThat(t.cell(0, 2)).isEqualTo("Oslo");
    assertThat(t.cell(0, 3).toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void columnsAreTheUnionOfKeysInFirstSeenOrderWithMissingOnesEmpty() throws Exception {
    ResultTable t = table("[{\"a\":1},{\"b\":\"x\"},{\"a\":3,\"c\":null}]", 10);
    assertThat(t.columns()).extracting(Column::name).containsExactly("a", "b", "c");
    assertThat(t.row(1)).containsExactly(null, "x", null);
    assertThat(t.columns().get(0).numeric()).isTrue();
    assertThat(t.columns().get(1).numeric()).isFalse();
  }

  @Test
  void aSingleObjectIsOneRowAndScalarsAreOneValueColumn() throws Exception {
    assertThat(table("{\"ok\":true}", 10).rowCount()).isEqualTo(1);
    ResultTable scalars = table("[1, 2, 3]", 10);
    assertThat(scalars.columns()).extracting(Column::name).containsExactly("value");
    assertThat(scalars.rowCount()).isEqualTo(3);
  }

  @Test
  void streamingGivesTheSameTableAsTheTree() throws Exception {
    String doc =
        "{\"data\":{\"items\":[{\"id\":1,\"c\":{\"n\":\"x\",\"d\":{\"e\":2.50}},\"t\":[1,{\"a\":2}]},"
            + "{\"id\":12345678901234567890,\"z\":null,\"ok\":false},7,\"s\"]}}";
    ResultTable tree = table(json.readTree(doc).get("data").get("items").toString(), 10);
    ResultTable streamed;
    try (var p = json.createParser(doc)) {
      streamed = JsonTable.stream(p, java.util.List.of("data", "items"), 10);
    }
    assertThat(streamed.columns()).isEqualTo(tree.columns());
    assertThat(streamed.rowCount()).isEqualTo(4);
    for (int r = 0; r < 4; r++) {
      assertThat(java.util.Arrays.toString(streamed.row(r)))
          .isEqualTo(java.util.Arrays.toString(tree.row(r)));
    }
    try (var p = json.createParser("{\"other\":[]}")) {
      assertThat(JsonTable.stream(p, java.util.List.of("data"), 10)).isNull();
    }
  }

  @Test
  void rowsPastTheCapAreCutAndTheTableSaysSo() throws Exception {
    ResultTable t = table("[1,2,3,4,5]", 3);
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.capped()).isTrue();
    assertThat(t.capNotice()).isEqualTo("first 3 rows shown (the result had more)");
  }

  @Test
  void streamedNestedArraysKeepNumbersExactlyAsTheTreeDoes() throws Exception {
    // Found by JsonTableFuzzTest: the streaming path copied nested floats as doubles.
    String text = "[{\"a\":[1e999999999,0.10000000000000000000000001]}]";
    ResultTable fromTree = table(text, 10);
    ResultTable streamed;
    try (var p = json.createParser(text)) {
      streamed = JsonTable.stream(p, java.util.List.of(), 10);
    }
    assertThat(streamed.cell(0, 0).toString())
        .isEqualTo("[1E+999999999,0.10000000000000000000000001]")
        .isEqualTo(fromTree.cell(0, 0).toString());
  }

  @Test
  void anEmptyNestedObjectIsACellOnBothPaths() throws Exception {
    // Found by JsonTableFuzzTest: the streaming path dropped the column.
    String text = "{\"a\":null,\"b\":{},\"\":{\"\":{}}}";
    ResultTable streamed;
    try (var p = json.createParser(text)) {
      streamed = JsonTable.stream(p, java.util.List.of(), 10);
    }
    for (ResultTable t : new ResultTable[] {table(text, 10), streamed}) {
      assertThat(t.columns()).extracting(Column::name).containsExactly("a", "b", "");
      assertThat(t.cell(0, 1).toString()).isEqualTo("{}");
    }
  }
}
