package dev.fetchboard.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headers of one response as the lean client read them: names (lower case) and values in
 * arrival order. Looking a header up scans the few lines; the sorted, case-insensitive map that
 * results show is built only when someone iterates. A load probe reads three headers of each of
 * thousands of responses and shows none, and building a {@link TreeMap} per response was a fifth of
 * its time per request.
 */
final class ResponseHeaders extends AbstractMap<String, List<String>> {
  private String[] names = new String[16];
  private String[] values = new String[16];
  private int count;
  private volatile Map<String, List<String>> sorted;

  /** Adds one header line; {@code name} is lower case already. Only while parsing. */
  void add(String name, String value) {
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    names[count] = name;
    values[count] = value;
    count++;
  }

  /** The names in arrival order, one per line (repeated names repeat). */
  List<String> names() {
    return Collections.unmodifiableList(Arrays.asList(names).subList(0, count));
  }

  /** The first value of a header, or null. */
  String first(String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public List<String> get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    List<String> found = null;
    for (int i = 0; i < count; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found == null) {
          found = new ArrayList<>(1);
        }
        found.add(values[i]);
      }
    }
    return found == null ? null : List.copyOf(found);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && first(name) != null;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return sorted().entrySet();
  }

  private Map<String, List<String>> sorted() {
    var map = sorted;
    if (map == null) {
      var built = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 0; i < count; i++) {
        built.computeIfAbsent(names[i], k -> new ArrayList<>(1)).add(values[i]);
      }
      built.replaceAll((k, v) -> List.copyOf(v));
      map = Collections.unmodifiableMap(built);
      sorted = map;
    }
    return map;
  }
}
