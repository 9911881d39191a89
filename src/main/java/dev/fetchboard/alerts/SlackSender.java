package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpRequest;

/** A Slack incoming webhook: {@code {"text": …}}. Its URL is the secret, so it is never shown. */
record SlackSender(URI webhook, String reference) implements AlertSender {
  @Override
  public String describe() {
    return "Slack webhook " + reference;
  }

  @Override
  public HttpRequest.Builder request(AlertMessage m) {
    var body = JsonNodeFactory.instance.objectNode().put("text", MessageText.of(m));
    return AlertSender.postJson(webhook, body.toString());
  }

  @Override
  public String toString() {
    return describe();
  }
}
