package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The JSON a generic webhook receives (documented in docs/alerts.md): {@code event}, {@code panel},
 * {@code title}, {@code outcome}, {@code previousOutcome}, {@code message}, {@code value}, {@code
 * latencyMs}, {@code time}, {@code workspace}, {@code text}; a summary adds {@code heldBack} and
 * {@code changes}.
 */
final class WebhookPayload {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_VALUE_CHARS = 1000;

  private WebhookPayload() {}

  static ObjectNode of(AlertMessage m) {
    ObjectNode o = JSON.objectNode();
    switch (m) {
      case AlertMessage.Change c -> {
        o.put("event", c.event().trigger().key());
        event(o, c.event(), c.event().previous());
      }
      case AlertMessage.Summary s -> {
        o.put("event", "summary");
        event(o, s.latest(), s.held().getFirst().previous());
        o.put("heldBack", s.count());
        var changes = o.putArray("changes");
        for (AlertEvent e : s.held()) {
          changes
              .addObject()
              .put("event", e.trigger().key())
              .put("outcome", e.now().key())
              .put("time", e.time().toString());
        }
      }
      case AlertMessage.Test t -> {
        o.put("event", "test");
        o.put("time", t.time().toString());
        o.put("workspace", t.workspace());
      }
    }
    o.put("text", MessageText.of(m));
    return o;
  }

  private static void event(ObjectNode o, AlertEvent e, PanelState previous) {
    o.put("panel", e.panelId());
    o.put("title", e.title());
    o.put("outcome", e.now().key());
    if (previous == null) {
      o.putNull("previousOutcome");
    } else {
      o.put("previousOutcome", previous.key());
    }
    if (e.message() == null) {
      o.putNull("message");
    } else {
      o.put("message", MessageText.shorten(e.message()));
    }
    value(o, e.value());
    if (e.latency() != null) {
      o.put("latencyMs", e.latency().toMillis());
    }
    o.put("time", e.time().toString());
    o.put("workspace", e.workspace());
  }

  private static void value(ObjectNode o, Object value) {
    switch (value) {
      case null -> o.putNull("value");
      case Integer i -> o.put("value", i);
      case Long l -> o.put("value", l);
      case BigInteger b -> o.put("value", b);
      case BigDecimal d -> o.put("value", d);
      case Double d when Double.isFinite(d) -> o.put("value", d);
      case Float f when Float.isFinite(f) -> o.put("value", f);
      case Boolean b -> o.put("value", b);
      default -> {
        String text = String.valueOf(value);
        o.put(
            "value",
            text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…");
      }
    }
  }
}
