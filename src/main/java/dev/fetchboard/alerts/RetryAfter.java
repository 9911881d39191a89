package dev.fetchboard.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a target asked us to wait before trying again: Telegram's {@code parameters.retry_after}
 * in its JSON answer, else the {@code Retry-After} header (seconds or an HTTP date). Null when it
 * did not say.
 */
final class RetryAfter {
  private RetryAfter() {}

  static Duration of(HttpHeaders headers, String body, Instant now) {
    JsonNode json = AnswerText.json(body);
    if (json != null) {
      JsonNode seconds = json.path("parameters").path("retry_after");
      if (seconds.isMissingNode()) {
        seconds = json.path("retry_after");
      }
      if (seconds.isNumber() && seconds.asDouble() >= 0) {
        return Duration.ofMillis((long) Math.ceil(seconds.asDouble() * 1000));
      }
    }
    return headers.firstValue("Retry-After").map(v -> header(v.strip(), now)).orElse(null);
  }

  private static Duration header(String value, Instant now) {
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
