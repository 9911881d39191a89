package dev.fetchboard.redis;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One Redis reply as a tree, keeping RESP3's kinds apart (a map is not a list), with aggregates and
 * strings cut to a bound: {@code total} says how many items the server sent.
 */
public sealed interface Reply {

  /** A bulk, simple or verbatim string; {@code cut} when only its first bytes were kept. */
  record Text(byte[] bytes, boolean cut) implements Reply {
    /**
     * The text as UTF-8, or with bytes that are no UTF-8 written as redis-cli does ({@code \xff}).
     */
    public String text() {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        var sb = new StringBuilder();
        for (byte b : bytes) {
          int c = b & 0xff;
          if (c >= 0x20 && c < 0x7f && c != '\\') {
            sb.append((char) c);
          } else if (c == '\\') {
            sb.append("\\\\");
          } else {
            sb.append(String.format("\\x%02x", c));
          }
        }
        return sb.toString();
      }
    }
  }

  /** An integer reply. */
  record Int(long value) implements Reply {}

  /** A RESP3 double (e.g. a sorted set's score). */
  record Dbl(double value) implements Reply {}

  /** A RESP3 boolean. */
  record Bool(boolean value) implements Reply {}

  /** A RESP3 big number, kept as its decimal text. */
  record Big(String digits) implements Reply {}

  /** A null reply (a missing key). */
  record Nil() implements Reply {}

  /** How an aggregate was sent. */
  enum Kind {
    ARRAY,
    MAP,
    SET
  }

  /**
   * An array, map (items alternate key, value) or set; {@code total} is how many items the server
   * sent, more than {@code items.size()} when the rest were left out.
   */
  record Aggregate(Kind kind, List<Reply> items, long total) implements Reply {
    public boolean cut() {
      return total > items.size();
    }
  }

  /** The reply as plain text for one cell: strings as they are, numbers in Java's words. */
  static String display(Reply r) {
    return switch (r) {
      case Text t -> t.text();
      case Int i -> Long.toString(i.value());
      case Dbl d -> number(d.value());
      case Bool b -> Boolean.toString(b.value());
      case Big b -> b.digits();
      case Nil n -> "(nil)";
      case Aggregate a -> {
        var sb = new StringBuilder(a.kind() == Kind.MAP ? "{" : "[");
        for (int i = 0; i < a.items().size() && sb.length() < 200; i++) {
          if (i > 0) {
            sb.append(a.kind() == Kind.MAP && i % 2 == 1 ? ": " : ", ");
          }
          sb.append(display(a.items().get(i)));
        }
        if (a.cut() || sb.length() >= 200) {
          sb.append(", …");
        }
        yield sb.append(a.kind() == Kind.MAP ? "}" : "]").toString();
      }
    };
  }

  /** A double as a person writes it: 1.5, 2 (not 2.0), inf. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
