package dev.fetchboard.redis;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a Redis reply as the other panel kinds show theirs: a string or number is a value; a hash
 * or other map is field/value rows; a list, set or sorted set is rows (members with scores); INFO
 * and CLIENT LIST are parsed into rows (numbers as numbers); SLOWLOG GET and XRANGE entries get
 * named columns; anything else is its reply tree, flattened into path/value rows.
 */
final class ReplyTables {
  private ReplyTables() {}

  /** A table and the single value a value view shows (the first cell, or the scalar reply). */
  record Shown(ResultTable table, Object value, String notice) {}

  static Shown show(List<String> command, Reply reply, int maxRows) {
    String name = command.getFirst().toLowerCase(Locale.ROOT);
    String sub = command.size() > 1 ? command.get(1).toLowerCase(Locale.ROOT) : "";
    if (reply instanceof Reply.Text t && name.equals("info")) {
      return keyValues(info(t.text()), maxRows, List.of("section", "key", "value"));
    }
    if (reply instanceof Reply.Text t && name.equals("client") && sub.equals("list")) {
      return records(clientList(t.text()), maxRows);
    }
    if (reply instanceof Reply.Aggregate a) {
      if (name.equals("slowlog") && sub.equals("get")) {
        return slowlog(a, maxRows);
      }
      if (name.equals("xrange") || name.equals("xrevrange")) {
        return stream(a, maxRows);
      }
      return aggregate(name, command, a, maxRows);
    }
    return scalar(reply);
  }

  private static Shown scalar(Reply r) {
    Object v = cell(r);
    boolean numeric = r instanceof Reply.Int || r instanceof Reply.Dbl || r instanceof Reply.Big;
    var t = new ResultTable(List.of(new Column("value", type(r), numeric)), 1);
    t.add(new Object[] {v});
    String notice = r instanceof Reply.Nil ? "nil reply: the key does not exist" : null;
    if (r instanceof Reply.Text text && text.cut()) {
      notice = "first " + String.format("%,d", text.bytes().length) + " bytes shown";
    }
    return new Shown(t, v, notice);
  }

  private static Shown aggregate(String name, List<String> command, Reply.Aggregate a, int max) {
    List<Reply> items = a.items();
    if (a.kind() == Reply.Kind.MAP) {
      String keyName = name.startsWith("h") ? "field" : "key";
      var t = table(List.of(text(keyName), valueColumn(items, 1, 2)), max, a);
      for (int i = 0; i + 1 < items.size(); i += 2) {
        t.add(new Object[] {cell(items.get(i)), cell(items.get(i + 1))});
      }
      return new Shown(t, null, null);
    }
    if (!items.isEmpty() && items.stream().allMatch(ReplyTables::isScoredPair)) {
      var t = table(List.of(text("member"), new Column("score", "double", true)), max, a);
      for (Reply r : items) {
        var pair = ((Reply.Aggregate) r).items();
        t.add(new Object[] {cell(pair.get(0)), score(pair.get(1))});
      }
      return new Shown(t, null, null);
    }
    boolean withScores = command.stream().anyMatch(s -> s.equalsIgnoreCase("withscores"));
    if (withScores && items.stream().allMatch(ReplyTables::isScalar)) {
      var t = table(List.of(text("member"), new Column("score", "double", true)), max, a);
      for (int i = 0; i + 1 < items.size(); i += 2) {
        t.add(new Object[] {cell(items.get(i)), score(items.get(i + 1))});
      }
      return new Shown(t, null, null);
    }
    if (items.stream().allMatch(ReplyTables::isScalar)) {
      String col = a.kind() == Reply.Kind.SET || name.startsWith("s") ? "member" : "value";
      var t = table(List.of(valueColumn(items, 0, 1, col)), max, a);
      for (Reply r : items) {
        t.add(new Object[] {cell(r)});
      }
      return new Shown(t, t.rowCount() == 1 ? t.cell(0, 0) : null, null);
    }
    if (items.stream()
        .allMatch(
            r ->
                r instanceof Reply.Aggregate x
                    && x.kind() != Reply.Kind.MAP
                    && x.items().stream().allMatch(ReplyTables::isScalar))) {
      int width =
          items.stream().mapToInt(r -> ((Reply.Aggregate) r).items().size()).max().orElse(0);
      var cols = new ArrayList<Column>();
      for (int i = 1; i <= Math.min(width, 64); i++) {
        cols.add(text(Integer.toString(i)));
      }
      var t = table(cols, max, a);
      for (Reply r : items) {
        var row = new Object[cols.size()];
        var in = ((Reply.Aggregate) r).items();
        for (int i = 0; i < row.length && i < in.size(); i++) {
          row[i] = cell(in.get(i));
        }
        t.add(row);
      }
      return new Shown(t, null, null);
    }
    return tree(a, max);
  }

  /** Any reply as rows of path (1, 1.2, name.3) and scalar value. */
  private static Shown tree(Reply.Aggregate a, int max) {
    var t = table(List.of(text("path"), text("value")), max, a);
    flatten("", a, t);
    return new Shown(t, null, null);
  }

  private static void flatten(String path, Reply r, ResultTable t) {
    if (r instanceof Reply.Aggregate a) {
      if (a.cut()) {
        t.markCapped();
      }
      List<Reply> items = a.items();
      if (a.kind() == Reply.Kind.MAP) {
        for (int i = 0; i + 1 < items.size(); i += 2) {
          flatten(join(path, Reply.display(items.get(i))), items.get(i + 1), t);
        }
      } else {
        for (int i = 0; i < items.size(); i++) {
          flatten(join(path, Integer.toString(i + 1)), items.get(i), t);
        }
      }
      if (items.isEmpty()) {
        t.add(new Object[] {path, a.kind() == Reply.Kind.MAP ? "{}" : "[]"});
      }
    } else {
      t.add(new Object[] {path.isEmpty() ? "1" : path, cell(r)});
    }
  }

  private static String join(String path, String part) {
    return path.isEmpty() ? part : path + "." + part;
  }

  /** SLOWLOG GET: id, when, how long, what, by whom. */
  private static Shown slowlog(Reply.Aggregate a, int max) {
    var t =
        table(
            List.of(
                new Column("id", "integer", true),
                text("time"),
                new Column("microseconds", "integer", true),
                text("command"),
                text("client"),
                text("name")),
            max,
            a);
    for (Reply r : a.items()) {
      if (!(r instanceof Reply.Aggregate e) || e.items().size() < 4) {
        continue;
      }
      var f = e.items();
      Object when =
          f.get(1) instanceof Reply.Int sec ? Instant.ofEpochSecond(sec.value()).toString() : null;
      String args =
          f.get(3) instanceof Reply.Aggregate list
              ? String.join(" ", list.items().stream().map(Reply::display).toList())
              : Reply.display(f.get(3));
      t.add(
          new Object[] {
            cell(f.get(0)),
            when,
            cell(f.get(2)),
            args,
            f.size() > 4 ? cell(f.get(4)) : null,
            f.size() > 5 ? cell(f.get(5)) : null
          });
    }
    return new Shown(t, null, null);
  }

  /** XRANGE: one row per entry, its id and then a column per field name seen. */
  private static Shown stream(Reply.Aggregate a, int max) {
    var fields = new LinkedHashMap<String, Integer>();
    var rows = new ArrayList<Map<String, Object>>();
    for (Reply r : a.items()) {
      if (!(r instanceof Reply.Aggregate e) || e.items().size() < 2) {
        continue;
      }
      var row = new LinkedHashMap<String, Object>();
      row.put("id", cell(e.items().get(0)));
      if (e.items().get(1) instanceof Reply.Aggregate kv) {
        for (int i = 0; i + 1 < kv.items().size(); i += 2) {
          String f = Reply.display(kv.items().get(i));
          if (fields.size() < 63 || fields.containsKey(f)) {
            fields.putIfAbsent(f, fields.size());
            row.put(f, cell(kv.items().get(i + 1)));
          }
        }
      }
      rows.add(row);
    }
    var cols = new ArrayList<Column>(List.of(text("id")));
    fields.keySet().forEach(f -> cols.add(text(f)));
    var t = table(cols, max, a);
    for (var row : rows) {
      var out = new Object[cols.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = row.get(cols.get(i).name());
      }
      t.add(out);
    }
    return new Shown(t, null, null);
  }

  /** INFO's text: "# Section" lines and "key:value" lines, as [section, key, value]. */
  static List<Object[]> info(String text) {
    var rows = new ArrayList<Object[]>();
    String section = "";
    for (String line : text.split("\r?\n")) {
      if (line.startsWith("#")) {
        section = line.substring(1).strip().toLowerCase(Locale.ROOT);
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          rows.add(
              new Object[] {
                section, line.substring(0, colon), number(line.substring(colon + 1).strip())
              });
        }
      }
    }
    return rows;
  }

  /** CLIENT LIST's text: one client per line, "name=value" words. */
  static List<Map<String, Object>> clientList(String text) {
    var out = new ArrayList<Map<String, Object>>();
    for (String line : text.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      var row = new LinkedHashMap<String, Object>();
      for (String word : line.strip().split(" ")) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          row.put(word.substring(0, eq), number(word.substring(eq + 1)));
        }
      }
      out.add(row);
    }
    return out;
  }

  private static Shown keyValues(List<Object[]> rows, int max, List<String> names) {
    var cols = new ArrayList<Column>();
    for (int i = 0; i < names.size(); i++) {
      cols.add(text(names.get(i)));
    }
    var t = new ResultTable(cols, max);
    rows.forEach(t::add);
    return new Shown(t, null, null);
  }

  private static Shown records(List<Map<String, Object>> rows, int max) {
    var names = new LinkedHashMap<String, Boolean>();
    for (var row : rows) {
      row.forEach((k, v) -> names.merge(k, v instanceof Number, Boolean::logicalAnd));
    }
    var cols = new ArrayList<Column>();
    names.forEach((k, numeric) -> cols.add(new Column(k, numeric ? "integer" : "text", numeric)));
    var t = new ResultTable(cols, max);
    for (var row : rows) {
      var out = new Object[cols.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = row.get(cols.get(i).name());
      }
      t.add(out);
    }
    return new Shown(t, null, null);
  }

  /** "123" → 123, "0.5" → 0.5, anything else as it is. */
  static Object number(String s) {
    if (s.isEmpty() || s.length() > 30) {
      return s;
    }
    char c = s.charAt(0);
    if (!(c == '-' || (c >= '0' && c <= '9'))) {
      return s;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException notNumber) {
        return s;
      }
    }
  }

  private static ResultTable table(List<Column> cols, int max, Reply.Aggregate a) {
    var t = new ResultTable(cols, max);
    if (a.cut()) {
      t.markCapped();
    }
    return t;
  }

  private static Column text(String name) {
    return new Column(name, "text", false);
  }

  private static Column valueColumn(List<Reply> items, int from, int step) {
    return valueColumn(items, from, step, "value");
  }

  /** A column numeric when every item at from, from + step, … is a number. */
  private static Column valueColumn(List<Reply> items, int from, int step, String name) {
    boolean numeric = items.size() > from;
    for (int i = from; i < items.size() && numeric; i += step) {
      numeric = items.get(i) instanceof Reply.Int || items.get(i) instanceof Reply.Dbl;
    }
    return new Column(name, numeric ? "integer" : "text", numeric);
  }

  private static boolean isScalar(Reply r) {
    return !(r instanceof Reply.Aggregate);
  }

  private static boolean isScoredPair(Reply r) {
    return r instanceof Reply.Aggregate a
        && a.kind() == Reply.Kind.ARRAY
        && a.items().size() == 2
        && a.items().get(1) instanceof Reply.Dbl;
  }

  private static Object score(Reply r) {
    return switch (r) {
      case Reply.Dbl d -> d.value();
      case Reply.Text t -> number(t.text());
      default -> cell(r);
    };
  }

  /** A scalar as a table cell (numbers stay numbers); an aggregate as compact text. */
  static Object cell(Reply r) {
    return switch (r) {
      case Reply.Text t -> t.text();
      case Reply.Int i -> i.value();
      case Reply.Dbl d -> d.value();
      case Reply.Bool b -> b.value();
      case Reply.Big b -> new BigDecimal(b.digits());
      case Reply.Nil n -> null;
      case Reply.Aggregate a -> Reply.display(a);
    };
  }

  private static String type(Reply r) {
    return switch (r) {
      case Reply.Int i -> "integer";
      case Reply.Dbl d -> "double";
      case Reply.Big b -> "numeric";
      case Reply.Bool b -> "boolean";
      default -> "text";
    };
  }
}
