package dev.fetchboard.workspace.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * One YAML document composed by SnakeYAML Engine into its node tree, with each node's place in the
 * text: read into a Jackson tree for binding, searched for the line of a field path, and edited in
 * place by {@link CommentKeepingWriter}. Anchors, aliases, duplicate keys, unknown tags, absurd
 * numbers and a second document are refused with their line and column.
 */
public final class YamlTree {
  private static final Pattern PLAIN_INT = Pattern.compile("-?(0|[1-9][0-9]{0,38})");
  private static final Pattern PLAIN_DECIMAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]{1,4})?");
  private static final Pattern BIG_EXPONENT = Pattern.compile("[eE][-+]?[0-9]{5,}");
  private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern CORE_FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final String MAP_TAG = "tag:yaml.org,2002:map";
  private static final String SEQ_TAG = "tag:yaml.org,2002:seq";
  private static final Map<String, YamlNode.Kind> TAGS =
      Map.of(
          "tag:yaml.org,2002:str", YamlNode.Kind.STRING,
          "tag:yaml.org,2002:int", YamlNode.Kind.INT,
          "tag:yaml.org,2002:float", YamlNode.Kind.FLOAT,
          "tag:yaml.org,2002:bool", YamlNode.Kind.BOOL,
          "tag:yaml.org,2002:null", YamlNode.Kind.NULL);

  private final TextIndex index;
  private final @Nullable YamlNode root;

  private YamlTree(TextIndex index, @Nullable YamlNode root) {
    this.index = index;
    this.root = root;
  }

  /**
   * Composes {@code text}, which must hold one YAML document.
   *
   * @param maxCodePoints the largest text accepted
   */
  public static YamlTree parse(String text, int maxCodePoints) throws YamlTreeException {
    var settings =
        LoadSettings.builder()
            .setCodePointLimit(maxCodePoints)
            .setBufferSize(64 * 1024)
            .setUseMarks(true)
            .build();
    var index = new TextIndex(text);
    try {
      var parser = new GuardedParser(new ParserImpl(settings, new StreamReader(settings, text)));
      parser.next(); // stream start
      YamlNode root = null;
      if (parser.checkEvent(Event.ID.DocumentStart)) {
        parser.next();
        root = new Composition(parser, index).node();
        parser.next(); // document end
      }
      parser.peekEvent(); // refuses a second document with its position
      return new YamlTree(index, root);
    } catch (GuardedParser.Refusal r) {
      throw r.problem;
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new YamlTreeException(
          "not valid YAML: " + context + firstLine(e.getProblem()),
          mark == null ? 1 : mark.getLine() + 1,
          mark == null ? 1 : mark.getColumn() + 1);
    } catch (ReaderException e) {
      int offset = index.offsetOfCodePoint(e.getPosition());
      throw new YamlTreeException(
          "not valid YAML: the character U+"
              + String.format(Locale.ROOT, "%04X", e.getCodePoint())
              + " is not allowed in YAML text",
          index.lineOf(offset) + 1,
          index.column(offset) + 1);
    } catch (YamlEngineException e) {
      throw new YamlTreeException("not valid YAML: " + firstLine(e.getMessage()), 1, 1);
    }
  }

  /** Builds nodes from parser events (SnakeYAML's own composer costs twice the parse). */
  private static final class Composition {
    private final GuardedParser parser;
    private final TextIndex index;

    Composition(GuardedParser parser, TextIndex index) {
      this.parser = parser;
      this.index = index;
    }

    YamlNode node() {
      Event e = parser.next();
      Mark startMark = e.getStartMark().orElseThrow();
      int start = index.offset(startMark);
      int line = startMark.getLine();
      int column = startMark.getColumn();
      switch (e) {
        case ScalarEvent s -> {
          int end = index.offset(s.getEndMark().orElseThrow());
          return new YamlNode.Scalar(s.getValue(), kind(s), s.isPlain(), start, end, line, column);
        }
        case MappingStartEvent m -> {
          var entries = new ArrayList<YamlNode.Entry>();
          while (!parser.checkEvent(Event.ID.MappingEnd)) {
            YamlNode key = node();
            YamlNode value = node();
            if (!(key instanceof YamlNode.Scalar k)) {
              throw new GuardedParser.Refusal(
                  new YamlTreeException(
                      "a key must be a plain name, not a list or mapping",
                      key.line() + 1,
                      key.column() + 1));
            }
            entries.add(new YamlNode.Entry(k, value));
          }
          int end = index.offset(parser.next().getEndMark().orElseThrow());
          checkCollectionTag(m.getTag(), MAP_TAG, line, column);
          return new YamlNode.Mapping(entries, m.isFlow(), start, end, line, column);
        }
        case SequenceStartEvent q -> {
          var items = new ArrayList<YamlNode>();
          while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node());
          }
          int end = index.offset(parser.next().getEndMark().orElseThrow());
          checkCollectionTag(q.getTag(), SEQ_TAG, line, column);
          return new YamlNode.Sequence(items, q.isFlow(), start, end, line, column);
        }
        default ->
            throw new GuardedParser.Refusal(
                new YamlTreeException("unexpected YAML structure", line + 1, column + 1));
      }
    }

    private static void checkCollectionTag(
        Optional<String> tag, String expected, int line, int column) {
      if (tag.isPresent() && !tag.get().equals(expected) && !tag.get().equals("!")) {
        throw new GuardedParser.Refusal(
            new YamlTreeException(
                "the tag '" + shorten(tag.get()) + "' is not supported here",
                line + 1,
                column + 1));
      }
    }

    private static YamlNode.Kind kind(ScalarEvent s) {
      Optional<String> tag = s.getTag();
      if (tag.isPresent() && !tag.get().equals("!")) {
        YamlNode.Kind explicit = TAGS.get(tag.get());
        if (explicit == null) {
          Mark m = s.getStartMark().orElseThrow();
          throw new GuardedParser.Refusal(
              new YamlTreeException(
                  "the tag '" + shorten(tag.get()) + "' is not supported here",
                  m.getLine() + 1,
                  m.getColumn() + 1));
        }
        return explicit;
      }
      return s.isPlain() && tag.isEmpty() ? resolve(s.getValue()) : YamlNode.Kind.STRING;
    }
  }

  /** The YAML 1.2 core schema's reading of a plain scalar. */
  static YamlNode.Kind resolve(String v) {
    if (v.isEmpty()) {
      return YamlNode.Kind.NULL;
    }
    switch (v) {
      case "~", "null", "Null", "NULL" -> {
        return YamlNode.Kind.NULL;
      }
      case "true", "True", "TRUE", "false", "False", "FALSE" -> {
        return YamlNode.Kind.BOOL;
      }
      default -> {}
    }
    char c = v.charAt(0);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      if (CORE_INT.matcher(v).matches()) {
        return YamlNode.Kind.INT;
      }
      if (CORE_FLOAT.matcher(v).matches()) {
        return YamlNode.Kind.FLOAT;
      }
    }
    return YamlNode.Kind.STRING;
  }

  /** The document's root node, or null when the text holds only comments. */
  public @Nullable YamlNode root() {
    return root;
  }

  TextIndex index() {
    return index;
  }

  /** The document as a Jackson tree (null when empty); keys keep their order. */
  public @Nullable JsonNode toJson() throws YamlTreeException {
    return root == null ? null : toJson(root);
  }

  private JsonNode toJson(YamlNode node) throws YamlTreeException {
    var f = JsonNodeFactory.instance;
    switch (node) {
      case YamlNode.Scalar s -> {
        return scalar(s);
      }
      case YamlNode.Sequence seq -> {
        var array = f.arrayNode(seq.items().size());
        for (YamlNode item : seq.items()) {
          array.add(toJson(item));
        }
        return array;
      }
      case YamlNode.Mapping map -> {
        ObjectNode object = f.objectNode();
        Map<String, YamlNode.Scalar> seen = new HashMap<>();
        for (YamlNode.Entry t : map.entries()) {
          YamlNode.Scalar key = t.key();
          String name = key.value();
          YamlNode.Scalar first = seen.putIfAbsent(name, key);
          if (first != null) {
            throw at(
                key,
                "duplicate key '" + shorten(name) + "' (first at line " + (first.line() + 1) + ")");
          }
          object.set(name, toJson(t.value()));
        }
        return object;
      }
    }
  }

  private JsonNode scalar(YamlNode.Scalar s) throws YamlTreeException {
    var f = JsonNodeFactory.instance;
    String v = s.value();
    switch (s.kind()) {
      case STRING -> {
        return f.textNode(v);
      }
      case NULL -> {
        return f.nullNode();
      }
      case BOOL -> {
        return f.booleanNode(v.equalsIgnoreCase("true"));
      }
      case INT -> {
        if (!PLAIN_INT.matcher(v).matches()) {
          if (v.length() > 40) {
            throw at(s, "the number " + shorten(v) + " is too long");
          }
          // 007, 0x1F, 0o17, +5: kept as written; a number field still reads it.
          return f.textNode(v);
        }
        BigInteger n = new BigInteger(v);
        return n.bitLength() < 32
            ? f.numberNode(n.intValue())
            : n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
      }
      case FLOAT -> {
        String plain = v.startsWith("+") ? v.substring(1) : v;
        if (plain.length() <= 60 && PLAIN_DECIMAL.matcher(plain).matches()) {
          BigDecimal d = new BigDecimal(plain);
          if (Math.abs((long) d.scale()) > 1000) {
            throw at(s, "the number " + shorten(v) + " is out of range");
          }
          return f.numberNode(d);
        }
        if (plain.length() > 60 || BIG_EXPONENT.matcher(plain).find()) {
          throw at(s, "the number " + shorten(v) + " is out of range");
        }
        return f.textNode(v); // .inf, .nan, 1., .5: as written
      }
    }
    throw at(s, "unexpected scalar");
  }

  /**
   * The 1-based line and column of the field at {@code path} (e.g. {@code panels[3].http.url}): its
   * key, or its item; the nearest enclosing one when the field is not in the text; else the root.
   */
  public int[] locate(String path) {
    YamlNode node = root;
    int[] best = root == null ? new int[] {1, 1} : new int[] {root.line() + 1, root.column() + 1};
    String rest = path == null ? "" : path;
    while (node != null && !rest.isEmpty()) {
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
      if (rest.startsWith("[") && node instanceof YamlNode.Sequence seq) {
        int close = rest.indexOf(']');
        int i;
        try {
          i = close < 0 ? -1 : Integer.parseInt(rest.substring(1, close));
        } catch (NumberFormatException e) {
          i = -1;
        }
        if (i < 0 || i >= seq.items().size()) {
          break;
        }
        node = seq.items().get(i);
        best = new int[] {node.line() + 1, node.column() + 1};
        rest = rest.substring(close + 1);
      } else if (node instanceof YamlNode.Mapping map) {
        YamlNode.Entry match = null;
        for (YamlNode.Entry t : map.entries()) {
          String k = t.key().value();
          if (rest.startsWith(k)
              && (rest.length() == k.length() || ".[".indexOf(rest.charAt(k.length())) >= 0)
              && (match == null || k.length() > match.key().value().length())) {
            match = t;
          }
        }
        if (match == null) {
          break;
        }
        best = new int[] {match.key().line() + 1, match.key().column() + 1};
        node = match.value();
        rest = rest.substring(match.key().value().length());
      } else {
        break;
      }
    }
    return best;
  }

  private static YamlTreeException at(YamlNode node, String message) {
    return new YamlTreeException(message, node.line() + 1, node.column() + 1);
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
