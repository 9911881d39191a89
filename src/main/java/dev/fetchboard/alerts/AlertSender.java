package dev.fetchboard.alerts;

import java.net.URI;
import java.net.http.HttpRequest;

/** One alert target: how a message becomes its HTTP request, and how its answers read. */
sealed interface AlertSender permits TelegramSender, SlackSender, TeamsSender, WebhookSender {
  /** Names the target for logs and answers, without any secret ("Telegram chat -100123"). */
  String describe();

  /** The request that delivers {@code m} (a POST; the caller adds the timeout). */
  HttpRequest.Builder request(AlertMessage m);

  /** What the target's answer says, in one line (its error description when it gives one). */
  default String answer(int status, String body) {
    return AnswerText.firstLine(body);
  }

  static HttpRequest.Builder postJson(URI uri, String json) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Fetchboard alerts")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }
}
