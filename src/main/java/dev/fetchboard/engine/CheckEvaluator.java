package dev.fetchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchboard.workspace.Check;
import dev.fetchboard.workspace.Comparison;
import dev.fetchboard.workspace.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides each check of a panel against what a run produced. */
final class CheckEvaluator {
  private CheckEvaluator() {}

  static List<CheckOutcome> evaluate(List<Check> checks, SourceOutput out, Duration elapsed) {
    var outcomes = new ArrayList<CheckOutcome>(checks.size() + 1);
    boolean hasStatusCheck = false;
    for (Check c : checks) {
      if (c.status() != null) {
        hasStatusCheck = true;
      }
      outcomes.add(evaluate(c, out, elapsed));
    }
    // Without a status check, an HTTP error status still fails the run: a dashboard showing a 500
    // as OK would be lying.
    if (!hasStatusCheck && out.payload() instanceof HttpExchange http) {
      boolean ok = http.status() < 400;
      outcomes.add(
          0, new CheckOutcome("status is not an error (below 400)", ok, statusText(http.status())));
    }
    return outcomes;
  }

  private static final String[] STATUS_TEXT = new String[600];

  /** A status as text; load probes evaluate the status check thousands of times a second. */
  private static String statusText(int status) {
    if (status < 0 || status >= STATUS_TEXT.length) {
      return String.valueOf(status);
    }
    String s = STATUS_TEXT[status];
    if (s == null) {
      s = String.valueOf(status);
      STATUS_TEXT[status] = s;
    }
    return s;
  }

  private static CheckOutcome evaluate(Check c, SourceOutput out, Duration elapsed) {
    String what = c.describe();
    if (c.status() != null) {
      if (!(out.payload() instanceof HttpExchange http)) {
        return new CheckOutcome(what, false, "no HTTP status");
      }
      return new CheckOutcome(what, c.status().contains(http.status()), statusText(http.status()));
    }
    if (c.latencyUnder() != null) {
      return new CheckOutcome(
          what, elapsed.compareTo(c.latencyUnder()) < 0, Durations.human(elapsed));
    }
    if (c.jsonPath() != null) {
      if (!(out.document() instanceof JsonNode doc)) {
        return new CheckOutcome(what, false, "the body is not JSON");
      }
      Optional<JsonNode> found;
      try {
        found = JsonPaths.read(doc, c.jsonPath().path());
      } catch (RuntimeException e) {
        return new CheckOutcome(what, false, "path error: " + e.getMessage());
      }
      return compare(what, c.jsonPath(), found.orElse(null), found.isPresent());
    }
    if (c.value() != null) {
      Object value = out.payload().value();
      JsonNode v = value == null ? null : Values.toJson(value);
      return compare(what, c.value(), v, value != null);
    }
    if (c.rowCount() != null) {
      ResultTable table = out.payload().table();
      long rows = table == null ? 0 : table.rowCount();
      return compare(what, c.rowCount(), Values.toJson(rows), true);
    }
    return new CheckOutcome(what, false, "empty check");
  }

  private static CheckOutcome compare(
      String what, Comparison cmp, JsonNode actual, boolean exists) {
    String shown = !exists ? "missing" : actual == null || actual.isNull() ? "null" : text(actual);
    boolean ok = true;
    if (cmp.exists() != null) {
      ok = cmp.exists() == exists;
    }
    if (cmp.equals() != null) {
      ok &= exists && same(actual, cmp.equals());
    }
    if (cmp.notEquals() != null) {
      ok &= !(exists && same(actual, cmp.notEquals()));
    }
    BigDecimal n = exists ? number(actual) : null;
    if (cmp.greaterThan() != null) {
      ok &= n != null && n.compareTo(cmp.greaterThan()) > 0;
    }
    if (cmp.atLeast() != null) {
      ok &= n != null && n.compareTo(cmp.atLeast()) >= 0;
    }
    if (cmp.lessThan() != null) {
      ok &= n != null && n.compareTo(cmp.lessThan()) < 0;
    }
    if (cmp.atMost() != null) {
      ok &= n != null && n.compareTo(cmp.atMost()) <= 0;
    }
    return new CheckOutcome(what, ok, shown);
  }

  private static boolean same(JsonNode actual, JsonNode expected) {
    if (actual == null) {
      return expected.isNull();
    }
    BigDecimal a = number(actual);
    BigDecimal e = number(expected);
    if (a != null && e != null && (actual.isNumber() || expected.isNumber())) {
      return a.compareTo(e) == 0;
    }
    if (actual.isValueNode() && expected.isValueNode()) {
      return actual.asText().equals(expected.asText());
    }
    return actual.equals(expected);
  }

  private static BigDecimal number(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    String s = node.isTextual() ? node.asText() : node.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
