package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * A Microsoft Teams incoming webhook (Workflows' "when a Teams webhook request is received"): a
 * message with one Adaptive Card holding the text. Its URL is the secret, so it is never shown.
 */
record TeamsSender(URI webhook, String reference) implements AlertSender {
  @Override
  public String describe() {
    return "Teams webhook " + reference;
  }

  @Override
  public HttpRequest.Builder request(AlertMessage m) {
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "message");
    ObjectNode card =
        message
            .putArray("attachments")
            .addObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive")
            .putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4");
    card.putArray("body")
        .addObject()
        .put("type", "TextBlock")
        .put("text", MessageText.of(m))
        .put("wrap", true);
    return AlertSender.postJson(webhook, message.toString());
  }

  @Override
  public String toString() {
    return describe();
  }
}
