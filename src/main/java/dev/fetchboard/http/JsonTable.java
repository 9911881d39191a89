package dev.fetchboard.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.JsonText;
import dev.fetchboard.engine.ResultTable;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON into rows: an array of objects becomes one row per object, nested objects become
 * dotted columns ({@code customer.name}), nested arrays stay JSON text in one cell, and the columns
 * are the union of keys in first-seen order. A single object becomes one row; an array of plain
 * values becomes one column named {@code value}. Works on a parsed tree or, for big bodies,
 * straight from the token stream.
 */
public final class JsonTable {
  private static final int MAX_DEPTH = 16;
  private static final int MAX_COLUMNS = 2000;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<ColumnStats> stats = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();
  private final int maxRows;
  private boolean capped;
  private final java.util.Set<String> dropped = new java.util.HashSet<>();
  private Object[] row;

  private JsonTable(int maxRows) {
    this.maxRows = maxRows;
  }

  /** A table of at most {@code maxRows} rows (marked capped when the JSON had more). */
  public static ResultTable from(JsonNode node, int maxRows) {
    var b = new JsonTable(maxRows);
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (!b.addTree(item)) {
          break;
        }
      }
    } else {
      b.addTree(node);
    }
    return b.build();
  }

  /**
   * Reads rows straight from a parser positioned before the document, following {@code fields}
   * (object keys from the root, e.g. ["data", "items"] for {@code $.data.items}) to the rows.
   * Returns null when the document does not have that shape, so the caller can fall back to a tree.
   */
  static ResultTable stream(JsonParser p, List<String> fields, int maxRows) throws IOException {
    JsonToken t = p.nextToken();
    for (String field : fields) {
      if (t != JsonToken.START_OBJECT || !seekField(p, field)) {
        return null;
      }
      t = p.nextToken();
    }
    var b = new JsonTable(maxRows);
    if (t == JsonToken.START_ARRAY) {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        if (!b.addStreamed(p, t)) {
          break;
        }
      }
    } else if (t != null) {
      b.addStreamed(p, t);
    }
    return b.build();
  }

  private static boolean seekField(JsonParser p, String field) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      if (p.currentName().equals(field)) {
        return true;
      }
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }

  private boolean startRow() {
    if (rows.size() >= maxRows) {
      capped = true;
      return false;
    }
    row = new Object[Math.max(names.size(), 4)];
    return true;
  }

  private void endRow() {
    rows.add(row);
    row = null;
  }

  private boolean addTree(JsonNode item) {
    if (!startRow()) {
      return false;
    }
    if (item.isObject()) {
      flattenTree("", item, 0);
    } else {
      put("value", cell(item));
    }
    endRow();
    return true;
  }

  private void flattenTree(String prefix, JsonNode obj, int depth) {
    for (var it = obj.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && !v.isEmpty() && depth < MAX_DEPTH) {
        flattenTree(key, v, depth + 1);
      } else {
        put(key, cell(v));
      }
    }
  }

  private boolean addStreamed(JsonParser p, JsonToken t) throws IOException {
    if (!startRow()) {
      p.skipChildren();
      return false;
    }
    if (t == JsonToken.START_OBJECT) {
      flattenStreamed(p, "", 0);
    } else {
      put("value", streamedCell(p, t));
    }
    endRow();
    return true;
  }

  private void flattenStreamed(JsonParser p, String prefix, int depth) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_OBJECT && depth > 0) {
      // As the tree path does: an empty nested object is a cell, not nothing.
      put(prefix, new JsonText("{}"));
      return;
    }
    while (t == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT && depth < MAX_DEPTH) {
        flattenStreamed(p, key, depth + 1);
      } else {
        put(key, streamedCell(p, v));
      }
      t = p.nextToken();
    }
  }

  private static Object streamedCell(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? new BigDecimal(p.getBigIntegerValue())
              : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case START_ARRAY, START_OBJECT -> {
        var w = new StringWriter();
        try (var g = p.getCodec() == null ? null : p.getCodec().getFactory().createGenerator(w)) {
          if (g == null) {
            p.skipChildren();
            yield null;
          }
          copyExactly(p, g);
        }
        yield new JsonText(w.toString());
      }
      default -> p.getText();
    };
  }

  /**
   * Copies the container the parser is at, numbers as written: copyCurrentStructure reads floats as
   * doubles, which turned 1e999999999 into "Infinity" and rounded long decimals.
   */
  private static void copyExactly(JsonParser p, com.fasterxml.jackson.core.JsonGenerator g)
      throws IOException {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (t != null) {
      g.copyCurrentEventExact(p);
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd() && --depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  private void put(String key, Object value) {
    Integer i = index.get(key);
    if (i == null) {
      if (names.size() >= MAX_COLUMNS) {
        if (dropped.size() < 1_000_000) {
          dropped.add(key);
        }
        return;
      }
      i = names.size();
      index.put(key, i);
      names.add(key);
      stats.add(new ColumnStats());
    }
    if (i >= row.length) {
      row = java.util.Arrays.copyOf(row, Math.max(i + 1, row.length * 2));
    }
    row[i] = value;
    stats.get(i).see(value);
  }

  private ResultTable build() {
    var cols = new ArrayList<Column>(names.size());
    for (int i = 0; i < names.size(); i++) {
      cols.add(new Column(names.get(i), stats.get(i).type(), stats.get(i).numeric()));
    }
    var table = new ResultTable(cols, Math.max(1, rows.size()));
    int width = names.size();
    for (Object[] r : rows) {
      table.add(r.length == width ? r : java.util.Arrays.copyOf(r, width));
    }
    if (capped) {
      table.markCapped();
    }
    if (!dropped.isEmpty()) {
      table.markColumnsDropped(dropped.size());
    }
    return table;
  }

  /** A JSON value as a cell: exact numbers, booleans, text, null; containers as compact JSON. */
  static Object cell(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : new BigDecimal(v.bigIntegerValue());
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return new JsonText(v.toString());
  }

  private static final class ColumnStats {
    private String type;

    void see(Object value) {
      if (value == null) {
        return;
      }
      String t =
          switch (value) {
            case Long l -> "number";
            case BigDecimal b -> "number";
            case Boolean b -> "boolean";
            case JsonText j -> "json";
            default -> "string";
          };
      if (type == null) {
        type = t;
      } else if (!type.equals(t)) {
        type = "mixed";
      }
    }

    String type() {
      return type == null ? "null" : type;
    }

    boolean numeric() {
      return "number".equals(type);
    }
  }
}
