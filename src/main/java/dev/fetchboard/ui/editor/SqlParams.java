package dev.fetchboard.ui.editor;

import dev.fetchboard.workspace.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SQL parameter values as typed in the table: each value is read as one YAML scalar, so {@code 42}
 * binds a number, {@code true} a boolean, {@code open} or {@code '42'} text, and empty a NULL.
 */
final class SqlParams {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SqlParams() {}

  static Map<String, Object> parse(List<KeyValueTable.Entry> entries, List<Problem> problems) {
    var out = new LinkedHashMap<String, Object>();
    for (var e : entries) {
      String name = e.name().strip();
      if (!NAME.matcher(name).matches()) {
        problems.add(
            new Problem(
                "sql.params",
                name.isEmpty()
                    ? "a parameter needs a name"
                    : "'" + name + "' is not a parameter name (letters, digits and _)"));
        continue;
      }
      if (out.containsKey(name)) {
        problems.add(new Problem("sql.params", "'" + name + "' is given more than once"));
        continue;
      }
      try {
        Object value = read(e.value());
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
          problems.add(
              new Problem(
                  "sql.params", name + ": write one value (text, a number, true or false)"));
        } else {
          out.put(name, value);
        }
      } catch (java.io.IOException | RuntimeException ex) {
        problems.add(
            new Problem(
                "sql.params",
                name
                    + ": not a value this can read ("
                    + FormValues.firstLine(ex.getMessage())
                    + ")"));
      }
    }
    return out;
  }

  /** The text that reads back as {@code value}. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    String plain = value.toString();
    try {
      if (Objects.equals(read(plain), value)) {
        return plain;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // falls through to the quoted form
    }
    return FormValues.yaml(value);
  }

  private static Object read(String text) throws java.io.IOException {
    if (text.isBlank()) {
      return null;
    }
    return FormValues.YAML.readValue(text, Object.class);
  }
}
