package dev.fetchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the JSON-to-table reader, both paths (tree and token stream), and of number text: any
 * input gives a table or a typed JSON error, quickly, with cells whose text is bounded by the
 * input. A thousand cases per property in the build; more with {@code
 * -Djqwik.tries.default=100000}.
 */
class JsonTableFuzzTest {
  private static final int MAX_ROWS = 50;

  /** The mapper {@link HttpSource} reads bodies with. */
  private static final ObjectMapper JSON = HttpSource.bodyMapper();

  @Property
  void theTreePathGivesATableOrATypedError(@ForAll("jsonTexts") String text) {
    long start = System.nanoTime();
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JacksonException e) {
      return; // a typed failure: the source reports it as "not valid JSON"
    }
    if (tree == null || tree.isMissingNode()) {
      return;
    }
    assertBounded(JsonTable.from(tree, MAX_ROWS), text, start);
  }

  @Property
  void theStreamingPathGivesATableNothingOrATypedError(
      @ForAll("jsonTexts") String text, @ForAll("rowPaths") List<String> fields) throws Exception {
    long start = System.nanoTime();
    ResultTable table;
    try (JsonParser p = JSON.createParser(text)) {
      table = JsonTable.stream(p, fields, MAX_ROWS);
    } catch (JacksonException e) {
      return;
    }
    if (table != null) {
      assertBounded(table, text, start);
    }
  }

  @Property
  void bothPathsAgreeOnValidJson(@ForAll("validJson") String text) throws Exception {
    ResultTable fromTree = JsonTable.from(JSON.readTree(text), MAX_ROWS);
    ResultTable streamed;
    try (JsonParser p = JSON.createParser(text)) {
      streamed = JsonTable.stream(p, List.of(), MAX_ROWS);
    }
    assertThat(names(streamed)).isEqualTo(names(fromTree));
    assertThat(shown(streamed)).isEqualTo(shown(fromTree));
  }

  @Property
  void numberTextIsBoundedAndExact(
      @ForAll("unscaled") BigInteger unscaled, @ForAll("scales") int scale) {
    var b = new BigDecimal(unscaled, scale);
    String s = Values.display(b);
    assertThat(s.length()).isLessThanOrEqualTo(b.precision() + 30 + 16);
    assertThat(new BigDecimal(s)).isEqualByComparingTo(b);
  }

  private static void assertBounded(ResultTable t, String text, long startNanos) {
    assertThat(t.rowCount()).isLessThanOrEqualTo(MAX_ROWS);
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 0; c < t.columns().size(); c++) {
        Object v = t.cell(r, c);
        if (v != null) {
          assertThat(Values.display(v).length()).isLessThanOrEqualTo(text.length() + 64);
        }
      }
    }
    assertThat(System.nanoTime() - startNanos).isLessThan(2_000_000_000L);
  }

  private static List<String> names(ResultTable t) {
    return t.columns().stream().map(Column::name).toList();
  }

  private static List<String> shown(ResultTable t) {
    var rows = new java.util.ArrayList<String>();
    for (int r = 0; r < t.rowCount(); r++) {
      var cells = new java.util.ArrayList<String>();
      for (int c = 0; c < t.columns().size(); c++) {
        Object v = t.cell(r, c);
        cells.add(v == null ? "∅" : v.getClass().getSimpleName() + ":" + Values.display(v));
      }
      rows.add(String.join("|", cells));
    }
    return rows;
  }

  @Provide
  Arbitrary<String> jsonTexts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, value(3)),
        net.jqwik.api.Tuple.of(2, garbage()),
        net.jqwik.api.Tuple.of(1, deepNesting()),
        net.jqwik.api.Tuple.of(1, value(3).map(JsonTableFuzzTest::cutShort)));
  }

  @Provide
  Arbitrary<String> validJson() {
    return value(3);
  }

  @Provide
  Arbitrary<List<String>> rowPaths() {
    return Arbitraries.of(List.of(), List.of("items"), List.of("data", "items"), List.of("a"));
  }

  @Provide
  Arbitrary<BigInteger> unscaled() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
        Arbitraries.longs().map(BigInteger::valueOf));
  }

  @Provide
  Arbitrary<Integer> scales() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-60, 60),
        Arbitraries.integers(),
        Arbitraries.of(Integer.MIN_VALUE + 1, Integer.MAX_VALUE, -999_999_999, 999_999_999));
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-0",
                "0.0",
                "1e999999999",
                "-1.5E+999999999",
                "1e-999999999",
                "1E400",
                "9223372036854775808",
                "-9223372036854775809",
                "123456789012345678901234567890.5",
                "\"=HYPERLINK(1)\"",
                "\"\\u0000\\r\\n\""),
            Arbitraries.longs().map(String::valueOf),
            Combinators.combine(
                    Arbitraries.longs().between(-99999, 99999),
                    Arbitraries.integers().between(-2_000_000_000, 2_000_000_000))
                .as((m, e) -> m + "e" + e),
            Arbitraries.doubles()
                .map(String::valueOf)
                .filter(s -> !s.contains("N") && !s.contains("I")),
            Arbitraries.strings().ofMaxLength(12).map(s -> new TextNode(s).toString()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
    Arbitrary<String> array =
        inner.list().ofMaxSize(4).map(l -> l.stream().collect(Collectors.joining(",", "[", "]")));
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of("a", "b", "a.b", "", "items", "data", "$", "value"),
            Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> object =
        Combinators.combine(keys.list().uniqueElements().ofMaxSize(4), inner.list().ofSize(4))
            .as(
                (ks, vs) -> {
                  var sb = new StringBuilder("{");
                  for (int i = 0; i < ks.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(new TextNode(ks.get(i))).append(':');
                    sb.append(vs.get(i));
                  }
                  return sb.append('}').toString();
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar),
        net.jqwik.api.Tuple.of(2, array),
        net.jqwik.api.Tuple.of(3, object));
  }

  private static Arbitrary<String> garbage() {
    return Arbitraries.strings().withChars("{}[]\":,0123456789eE+-.tfnrulas \\").ofMaxLength(40);
  }

  private static Arbitrary<String> deepNesting() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"a\":"))
        .as((n, open) -> open.repeat(n) + "1" + (open.equals("[") ? "]" : "}").repeat(n));
  }

  private static String cutShort(String s) {
    return s.substring(0, s.length() / 2);
  }
}
