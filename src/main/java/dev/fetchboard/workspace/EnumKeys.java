package dev.fetchboard.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Enums as a workspace file writes them: lower-case keys ({@code view: chart}, {@code type: bar}).
 */
final class EnumKeys {
  private EnumKeys() {}

  static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant whose key is {@code text} (any case, trimmed).
   *
   * @param what names the field in the message, e.g. "view" gives "unknown view 'x' (expected …)"
   */
  static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
    E[] all = type.getEnumConstants();
    for (E e : all) {
      if (key(e).equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    List<String> keys = Arrays.stream(all).map(EnumKeys::key).toList();
    String expected = String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.getLast();
    throw new IllegalArgumentException(
        "unknown " + what + " '" + text + "' (expected " + expected + ")");
  }
}
