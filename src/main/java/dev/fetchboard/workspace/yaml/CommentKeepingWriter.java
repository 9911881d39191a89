package dev.fetchboard.workspace.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes a changed document over the text it was read from, touching only what changed: every
 * comment, blank line, quote style and key order of the old text that still has a place is kept.
 * Entries are line-based chunks (a key or list item with the comment lines above it), so a deleted
 * panel takes its comments along, a moved one carries them, and an unchanged document comes back
 * byte for byte. List items are matched by their {@code id}, else by equal content, else by
 * position; mappings by key.
 */
public final class CommentKeepingWriter {
  private final String text;
  private final TextIndex index;
  private final Function<JsonNode, String> blockYaml;
  private final String newline;

  /**
   * @param blockYaml renders a value as block YAML at column 0 (for new and replaced parts)
   */
  private CommentKeepingWriter(YamlTree tree, Function<JsonNode, String> blockYaml) {
    this.index = tree.index();
    this.text = index.text();
    this.blockYaml = blockYaml;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
  }

  /**
   * The text of {@code newValue} written over {@code tree}'s text, whose content read as {@code
   * oldValue} (both in the same normal form, e.g. what a bound object serializes to). Null when the
   * old text's shape gives nothing to keep (its root is not a block mapping).
   */
  public static @Nullable String write(
      YamlTree tree,
      @Nullable JsonNode oldValue,
      JsonNode newValue,
      Function<JsonNode, String> blockYaml) {
    if (oldValue != null && oldValue.equals(newValue)) {
      return tree.index().text();
    }
    if (!(tree.root() instanceof YamlNode.Mapping root)
        || root.flow()
        || root.entries().isEmpty()
        || oldValue == null
        || !oldValue.isObject()
        || !newValue.isObject()
        || newValue.isEmpty()) {
      return null;
    }
    return new CommentKeepingWriter(tree, blockYaml).writeRoot(root, oldValue, newValue);
  }

  private String writeRoot(YamlNode.Mapping root, JsonNode oldValue, JsonNode newValue) {
    int first = index.lineStart(root.entries().getFirst().key().line());
    int last = regionEnd(root);
    return text.substring(0, first)
        + mapping(root, first, oldValue, newValue)
        + text.substring(last);
  }

  // ---- mappings

  /** The new text of a block mapping whose first entry's chunk starts at {@code regionStart}. */
  private String mapping(YamlNode.Mapping map, int regionStart, JsonNode old, JsonNode neu) {
    List<YamlNode.Entry> entries = map.entries();
    int n = entries.size();
    int[] chunkStart = new int[n + 1];
    chunkStart[0] = regionStart;
    for (int i = 1; i < n; i++) {
      chunkStart[i] = index.lineEnd(lastLine(entries.get(i - 1).value()));
    }
    chunkStart[n] = index.lineEnd(lastLine(entries.get(n - 1).value()));
    boolean inline = !isLineStart(regionStart);
    int column = entries.getFirst().key().column();

    // New keys go after the nearest key before them in the new order that the text has.
    Set<String> rawKeys = new HashSet<>();
    entries.forEach(e -> rawKeys.add(e.key().value()));
    Map<String, List<String>> insertAfter = new HashMap<>();
    String previous = null;
    for (Iterator<String> it = neu.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (rawKeys.contains(key)) {
        previous = key;
      } else {
        insertAfter.computeIfAbsent(previous, k -> new ArrayList<>()).add(key);
      }
    }

    var pieces = new ArrayList<String>();
    for (String key : insertAfter.getOrDefault(null, List.of())) {
      pieces.add(newEntry(key, neu.get(key), column));
    }
    for (int i = 0; i < n; i++) {
      YamlNode.Entry e = entries.get(i);
      String key = e.key().value();
      JsonNode o = old.get(key);
      JsonNode v = neu.get(key);
      if (v == null) {
        if (o == null) {
          pieces.add(text.substring(chunkStart[i], chunkStart[i + 1]));
        }
      } else if (v.equals(o)) {
        pieces.add(text.substring(chunkStart[i], chunkStart[i + 1]));
      } else {
        pieces.add(changedEntry(e, chunkStart[i], chunkStart[i + 1], o, v));
      }
      for (String added : insertAfter.getOrDefault(key, List.of())) {
        pieces.add(newEntry(added, neu.get(added), column));
      }
    }
    return join(pieces, regionStart, chunkStart[n], inline);
  }

  private String changedEntry(YamlNode.Entry e, int from, int to, JsonNode old, JsonNode neu) {
    YamlNode value = e.value();
    int keyLineEnd = index.lineEnd(e.key().line());
    if (old != null && nested(value, old, neu) && keyLineEnd <= value.start()) {
      String inner =
          value instanceof YamlNode.Mapping m
              ? mapping(m, keyLineEnd, old, neu)
              : sequence((YamlNode.Sequence) value, keyLineEnd, (ArrayNode) old, (ArrayNode) neu);
      if (inner != null) {
        return text.substring(from, keyLineEnd) + inner + text.substring(regionEnd(value), to);
      }
    }
    String replaced = inPlace(value, neu);
    if (replaced != null) {
      return text.substring(from, value.start()) + replaced + text.substring(value.end(), to);
    }
    // Rewrite the whole entry: key as written, value rendered afresh.
    String keyText = text.substring(e.key().start(), e.key().end());
    return text.substring(from, e.key().start())
        + keyText
        + ":"
        + valueAfterColon(neu, e.key().column())
        + newline
        + text.substring(index.lineEnd(lastLine(value)), to);
  }

  private String newEntry(String key, JsonNode value, int column) {
    var one = JsonNodeFactory.instance.objectNode();
    one.set(key, value);
    return indent(blockYaml.apply(one), column);
  }

  // ---- sequences

  private @Nullable String sequence(
      YamlNode.Sequence seq, int regionStart, ArrayNode old, ArrayNode neu) {
    List<YamlNode> items = seq.items();
    int n = items.size();
    int[] chunkStart = new int[n + 1];
    chunkStart[0] = regionStart;
    for (int i = 1; i < n; i++) {
      chunkStart[i] = index.lineEnd(lastLine(items.get(i - 1)));
    }
    chunkStart[n] = index.lineEnd(lastLine(items.get(n - 1)));
    int[] dash = new int[n];
    for (int i = 0; i < n; i++) {
      dash[i] = dashBefore(items.get(i), chunkStart[i]);
      if (dash[i] < 0) {
        return null;
      }
    }
    int column = index.column(dash[0]);

    int[] matchOf = match(old, neu); // new index -> old index, or -1
    var pieces = new ArrayList<String>();
    for (int j = 0; j < neu.size(); j++) {
      int i = matchOf[j];
      JsonNode v = neu.get(j);
      if (i < 0) {
        var one = JsonNodeFactory.instance.arrayNode();
        one.add(v);
        pieces.add(indent(blockYaml.apply(one), column));
      } else if (v.equals(old.get(i))) {
        pieces.add(text.substring(chunkStart[i], chunkStart[i + 1]));
      } else {
        pieces.add(
            changedItem(items.get(i), dash[i], chunkStart[i], chunkStart[i + 1], old.get(i), v));
      }
    }
    return join(pieces, regionStart, chunkStart[n], false);
  }

  private String changedItem(
      YamlNode item, int dash, int from, int to, JsonNode old, JsonNode neu) {
    if (nested(item, old, neu)
        && item instanceof YamlNode.Mapping m
        && m.line() == index.lineOf(dash)) {
      return text.substring(from, item.start())
          + mapping(m, item.start(), old, neu)
          + text.substring(regionEnd(item), to);
    }
    String replaced = inPlace(item, neu);
    if (replaced != null) {
      return text.substring(from, item.start()) + replaced + text.substring(item.end(), to);
    }
    var one = JsonNodeFactory.instance.arrayNode();
    one.add(neu);
    String rendered = indent(blockYaml.apply(one), index.column(dash));
    return text.substring(from, index.lineStart(index.lineOf(dash)))
        + rendered
        + text.substring(index.lineEnd(lastLine(item)), to);
  }

  /**
   * For each new item, the old item it continues: same {@code id}; else an equal old item; else the
   * old item at the same position when that one is still unclaimed and has no other id.
   */
  private static int[] match(ArrayNode old, ArrayNode neu) {
    int[] matchOf = new int[neu.size()];
    boolean[] taken = new boolean[old.size()];
    java.util.Arrays.fill(matchOf, -1);
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < old.size(); i++) {
      String id = id(old.get(i));
      if (id != null) {
        byId.putIfAbsent(id, i);
      }
    }
    for (int j = 0; j < neu.size(); j++) {
      Integer i = byId.get(id(neu.get(j)));
      if (id(neu.get(j)) != null && i != null && !taken[i]) {
        matchOf[j] = i;
        taken[i] = true;
      }
    }
    for (int j = 0; j < neu.size(); j++) {
      for (int i = 0; matchOf[j] < 0 && i < old.size(); i++) {
        if (!taken[i] && old.get(i).equals(neu.get(j))) {
          matchOf[j] = i;
          taken[i] = true;
        }
      }
    }
    Set<String> newIds = new HashSet<>();
    for (JsonNode v : neu) {
      if (id(v) != null) {
        newIds.add(id(v));
      }
    }
    for (int j = 0; j < neu.size() && j < old.size(); j++) {
      // A renamed panel stays where it was; an old item whose id lives on elsewhere is not reused.
      if (matchOf[j] < 0
          && !taken[j]
          && (id(old.get(j)) == null || !newIds.contains(id(old.get(j))))) {
        matchOf[j] = j;
        taken[j] = true;
      }
    }
    return matchOf;
  }

  private static @Nullable String id(JsonNode item) {
    JsonNode id = item.isObject() ? item.get("id") : null;
    return id != null && id.isTextual() ? id.asText() : null;
  }

  // ---- values

  /** True when old and new are collections of the block kind the text holds, worth descending. */
  private static boolean nested(YamlNode raw, JsonNode old, JsonNode neu) {
    return switch (raw) {
      case YamlNode.Mapping m ->
          !m.flow() && old.isObject() && neu.isObject() && !neu.isEmpty() && !m.entries().isEmpty();
      case YamlNode.Sequence s ->
          !s.flow()
              && old.isArray()
              && neu.isArray()
              && !neu.isEmpty()
              && old.size() == s.items().size()
              && !s.items().isEmpty();
      default -> false;
    };
  }

  /**
   * The text that replaces a scalar or flow value in place (keeping what follows it on its line),
   * or null when the new value needs block lines.
   */
  private @Nullable String inPlace(YamlNode raw, JsonNode neu) {
    boolean flowOrScalar =
        raw instanceof YamlNode.Scalar
            || (raw instanceof YamlNode.Mapping m && m.flow())
            || (raw instanceof YamlNode.Sequence s && s.flow());
    if (!flowOrScalar) {
      return null;
    }
    if (raw instanceof YamlNode.Scalar s && !s.plain() && index.lineOf(s.end()) != s.line()) {
      return null; // a block scalar (| or >) spans lines: rewrite the entry
    }
    String rendered = neu.isContainerNode() ? FlowYaml.render(neu) : scalarText(neu);
    if (rendered == null || rendered.contains("\n")) {
      return null;
    }
    boolean empty = raw.start() == raw.end();
    return empty ? " " + rendered : rendered;
  }

  private @Nullable String scalarText(JsonNode scalar) {
    var one = JsonNodeFactory.instance.objectNode();
    one.set("x", scalar);
    String line = blockYaml.apply(one).stripTrailing();
    return line.startsWith("x: ") && !line.contains("\n") ? line.substring(3) : null;
  }

  /**
   * " value" or a newline and the indented block lines of a value under a key at {@code column}.
   */
  private String valueAfterColon(JsonNode value, int column) {
    var one = JsonNodeFactory.instance.objectNode();
    one.set("x", value);
    String rendered = indent(blockYaml.apply(one), column).stripTrailing();
    return rendered.substring(column + 2);
  }

  // ---- text

  /** Joins pieces into a region; a region starting after "- " must not start with indentation. */
  private String join(List<String> pieces, int regionStart, int regionEnd, boolean inline) {
    var sb = new StringBuilder();
    for (String p : pieces) {
      if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
        sb.append(newline);
      }
      sb.append(p);
    }
    String out = sb.toString();
    if (inline) {
      out = out.stripLeading();
    }
    return out;
  }

  private boolean isLineStart(int offset) {
    return offset == 0 || text.charAt(offset - 1) == '\n';
  }

  /**
   * A rendered block moved to {@code column}: its common indentation removed, each line indented by
   * {@code column} spaces and ended by the file's line ending.
   */
  private String indent(String block, int column) {
    String[] lines = block.split("\n", -1);
    int common = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        common = Math.min(common, line.length() - line.stripLeading().length());
      }
    }
    String pad = " ".repeat(column);
    var sb = new StringBuilder();
    int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (!line.isBlank()) {
        sb.append(pad).append(line.substring(Math.min(common, line.length())));
      }
      sb.append(newline);
    }
    return sb.toString();
  }

  /** Where a list item's dash is: the first '-' after the chunk's blank and comment lines. */
  private int dashBefore(YamlNode item, int chunkStart) {
    for (int i = item.start() - 1; i >= chunkStart; i--) {
      char c = text.charAt(i);
      if (c == '-') {
        return index.startsLine(i) ? i : -1;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return -1;
      }
    }
    return -1;
  }

  /** The 0-based line holding the last character of a node. */
  private int lastLine(YamlNode node) {
    return switch (node) {
      case YamlNode.Mapping m when !m.flow() && !m.entries().isEmpty() ->
          lastLine(m.entries().getLast().value());
      case YamlNode.Sequence s when !s.flow() && !s.items().isEmpty() ->
          lastLine(s.items().getLast());
      default -> {
        int end = node.end();
        while (end > node.start() && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        yield index.lineOf(Math.max(node.start(), end - 1));
      }
    };
  }

  /** The end of a node's region: past the newline of its last line. */
  private int regionEnd(YamlNode node) {
    return index.lineEnd(lastLine(node));
  }
}
