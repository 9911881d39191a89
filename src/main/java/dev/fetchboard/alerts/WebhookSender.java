package dev.fetchboard.alerts;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Any URL that takes the JSON of {@link WebhookPayload}, with the workspace's extra headers.
 *
 * @param shown the URL as the workspace writes it (a reference stays a reference), for messages
 */
record WebhookSender(URI url, String shown, Map<String, String> headers) implements AlertSender {
  WebhookSender {
    headers = Map.copyOf(headers);
  }

  @Override
  public String describe() {
    return "webhook " + shown;
  }

  @Override
  public HttpRequest.Builder request(AlertMessage m) {
    HttpRequest.Builder b = AlertSender.postJson(url, WebhookPayload.of(m).toString());
    headers.forEach(b::setHeader);
    return b;
  }

  @Override
  public String toString() {
    return describe();
  }
}
