package dev.fetchboard.workspace.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** A value written on one line in YAML flow style, {@code { a: b, c: [1, 2] }}, as authors do. */
final class FlowYaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_ ./@%+-]*");
  // Booleans to YAML 1.1 readers (other tools may read the file): quoted to stay text everywhere.
  private static final Pattern OLD_BOOLEAN = Pattern.compile("(?i)y|yes|n|no|on|off");

  private FlowYaml() {}

  static String render(JsonNode node) {
    var sb = new StringBuilder();
    append(sb, node);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode node) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{ ");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        var e = it.next();
        sb.append(scalar(e.getKey())).append(": ");
        append(sb, e.getValue());
        sb.append(it.hasNext() ? ", " : " }");
      }
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, node.get(i));
      }
      sb.append(']');
    } else if (node.isTextual()) {
      sb.append(scalar(node.asText()));
    } else if (node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else {
      sb.append(node.asText()); // numbers and booleans
    }
  }

  /** A string plain when that reads back as the same string, else double-quoted. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches()
        && !s.endsWith(" ")
        && !OLD_BOOLEAN.matcher(s).matches()
        && YamlTree.resolve(s) == YamlNode.Kind.STRING) {
      return s;
    }
    var sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    sb.append("\\uFFFD");
                  } else if (StreamReader.isPrintable(c)
                      && c != 0xFEFF
                      && c != 0x85
                      && c != 0x2028
                      && c != 0x2029) {
                    sb.appendCodePoint(c);
                  } else if (c <= 0xFFFF) {
                    sb.append(String.format("\\u%04X", c));
                  } else {
                    sb.append(String.format("\\U%08X", c));
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}
