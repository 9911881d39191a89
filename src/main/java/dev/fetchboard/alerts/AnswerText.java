package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a target's answer body: its first line, or a field of its JSON. */
final class AnswerText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX = 200;

  private AnswerText() {}

  /** The first line of a body, cut to a readable length, control characters dropped. */
  static String firstLine(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().lines().findFirst().orElse("");
    line =
        line.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return line.length() <= MAX ? line : line.substring(0, MAX) + "…";
  }

  /** The body as JSON, or null when it is not JSON. */
  static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
