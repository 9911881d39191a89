package dev.fetchboard.workspace.yaml;

import java.util.List;

/**
 * A node of a YAML document with where it is: {@code start} and {@code end} are char offsets in the
 * text, {@code line} and {@code column} 0-based.
 */
public sealed interface YamlNode {
  int start();

  int end();

  int line();

  int column();

  /** What a scalar is under the YAML 1.2 core schema (or its explicit tag). */
  enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** A scalar; {@code plain} when written without quotes or block indicators. */
  record Scalar(String value, Kind kind, boolean plain, int start, int end, int line, int column)
      implements YamlNode {}

  /** A mapping entry. */
  record Entry(Scalar key, YamlNode value) {}

  /** A mapping, in block ({@code key: value} lines) or flow ({@code { … }}) style. */
  record Mapping(List<Entry> entries, boolean flow, int start, int end, int line, int column)
      implements YamlNode {}

  /** A sequence, in block ({@code - item} lines) or flow ({@code [ … ]}) style. */
  record Sequence(List<YamlNode> items, boolean flow, int start, int end, int line, int column)
      implements YamlNode {}
}
