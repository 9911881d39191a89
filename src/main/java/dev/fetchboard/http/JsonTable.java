package dev.fetchboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON into rows: an array of objects becomes one row per object, nested objects become
 * dotted columns ({@code customer.name}), nested arrays stay JSON text in one cell, and the columns
 * are the union of keys in first-seen order. A single object becomes one row; an array of plain
 * values becomes one column named {@code value}.
 */
public final class JsonTable {
  private static final int MAX_DEPTH = 16;
  private static final int MAX_COLUMNS = 2000;

  private JsonTable() {}

  /** A table of at most {@code maxRows} rows (marked capped when the JSON had more). */
  public static ResultTable from(JsonNode node, int maxRows) {
    List<JsonNode> items = new ArrayList<>();
    boolean capped = false;
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (items.size() >= maxRows) {
          capped = true;
          break;
        }
        items.add(item);
      }
    } else {
      items.add(node);
    }
    // Pass 1: flatten each item and collect the union of columns in first-seen order.
    Map<String, ColumnStats> columns = new LinkedHashMap<>();
    List<Map<String, Object>> flat = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (item.isObject()) {
        flatten("", item, row, 0);
      } else {
        row.put("value", cell(item));
      }
      for (var e : row.entrySet()) {
        ColumnStats stats = columns.get(e.getKey());
        if (stats == null) {
          if (columns.size() >= MAX_COLUMNS) {
            continue;
          }
          stats = new ColumnStats();
          columns.put(e.getKey(), stats);
        }
        stats.see(e.getValue());
      }
      flat.add(row);
    }
    // Pass 2: lay rows out in column order.
    List<String> names = new ArrayList<>(columns.keySet());
    var cols = new ArrayList<Column>(names.size());
    for (String name : names) {
      ColumnStats s = columns.get(name);
      cols.add(new Column(name, s.type(), s.numeric()));
    }
    var table = new ResultTable(cols, Math.max(1, flat.size()));
    for (Map<String, Object> row : flat) {
      Object[] cells = new Object[names.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.get(names.get(i));
      }
      table.add(cells);
    }
    if (capped) {
      table.markCapped();
    }
    return table;
  }

  private static void flatten(String prefix, JsonNode obj, Map<String, Object> out, int depth) {
    for (var it = obj.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && !v.isEmpty() && depth < MAX_DEPTH) {
        flatten(key, v, out, depth + 1);
      } else {
        out.put(key, cell(v));
      }
    }
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

  /** Nested JSON kept as text in a cell, typed so views can show it as JSON. */
  public record JsonText(String json) {
    @Override
    public String toString() {
      return json;
    }
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
      type = type == null || type.equals(t) ? t : "mixed";
    }

    String type() {
      return type == null ? "null" : type;
    }

    boolean numeric() {
      return "number".equals(type);
    }
  }
}
