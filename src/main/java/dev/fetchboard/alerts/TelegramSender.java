package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * A Telegram chat through the Bot API's {@code sendMessage}. The token is part of the request path
 * (as the Bot API wants), so the URL is never logged: {@link #describe()} names only the chat.
 */
record TelegramSender(String apiBase, String token, String chat) implements AlertSender {
  @Override
  public String describe() {
    return "Telegram chat " + chat;
  }

  @Override
  public HttpRequest.Builder request(AlertMessage m) {
    var body =
        JsonNodeFactory.instance
            .objectNode()
            .put("chat_id", chat)
            .put("text", MessageText.of(m))
            .put("disable_web_page_preview", true);
    String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    return AlertSender.postJson(
        URI.create(base + "/bot" + token + "/sendMessage"), body.toString());
  }

  /** Telegram answers {@code {"ok":false,"description":"Bad Request: chat not found"}}. */
  @Override
  public String answer(int status, String body) {
    JsonNode json = AnswerText.json(body);
    if (json != null && json.hasNonNull("description")) {
      return AnswerText.firstLine(json.get("description").asText());
    }
    if (json != null && json.path("ok").asBoolean(false)) {
      return "ok";
    }
    return AnswerText.firstLine(body);
  }

  @Override
  public String toString() {
    return describe();
  }
}
