package dev.fetchboard.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message to one target, trying again with backoff when the target is busy (429), broken
 * for now (5xx) or out of reach, and waiting as long as it asks ({@code retry_after}, {@code
 * Retry-After}). Every line it logs or returns has passed the {@link Redactor}.
 */
final class Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  private static final int MAX_ANSWER_BYTES = 16 * 1024;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A target asking for a longer wait than this is given up on for this message. */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private final HttpClient client;
  private final Pauses pauses;
  private final Redactor redactor;
  private final int maxAttempts;
  private final Duration timeout;

  Delivery(HttpClient client, Pauses pauses, Redactor redactor, int maxAttempts, Duration timeout) {
    this.client = client;
    this.pauses = pauses;
    this.redactor = redactor;
    this.maxAttempts = maxAttempts;
    this.timeout = timeout;
  }

  /** What became of a message: delivered or not, and the target's last answer in one line. */
  record Outcome(boolean delivered, String answer) {}

  /** Delivers {@code m}; blocks through retries. Interrupting gives up at once. */
  Outcome deliver(AlertSender target, AlertMessage m) throws InterruptedException {
    String what = target.describe() + (m.panelId() == null ? "" : " about " + m.panelId());
    String last = "not sent";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Duration wait;
      try {
        HttpResponse<InputStream> response =
            client.send(
                target.request(m).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String body = readCapped(response);
        int status = response.statusCode();
        String answer = target.answer(status, body);
        last = redactor.redact(status + (answer.isEmpty() ? "" : " " + answer));
        if (status >= 200 && status < 300) {
          LOG.info("alert sent to {}: {}", redactor.redact(what), last);
          return new Outcome(true, last);
        }
        if (status != 429 && status < 500) {
          LOG.warn("alert to {} refused: {}", redactor.redact(what), last);
          return new Outcome(false, last);
        }
        Duration asked = RetryAfter.of(response.headers(), body, Instant.now());
        wait = asked != null ? asked : backoff(attempt);
      } catch (IOException e) {
        last = redactor.redact(networkProblem(e));
        wait = backoff(attempt);
      }
      if (attempt == maxAttempts) {
        break;
      }
      if (wait.compareTo(MAX_WAIT) > 0) {
        LOG.warn(
            "alert to {} not sent: {}; it asks to wait {} s, more than 5 minutes",
            redactor.redact(what),
            last,
            wait.toSeconds());
        return new Outcome(false, last + " (asked to wait " + wait.toSeconds() + " s)");
      }
      LOG.warn(
          "alert to {} failed ({}, attempt {} of {}); trying again in {} ms",
          redactor.redact(what),
          last,
          attempt,
          maxAttempts,
          wait.toMillis());
      pauses.pause(wait);
    }
    LOG.warn(
        "alert to {} not sent after {} attempts: {}", redactor.redact(what), maxAttempts, last);
    return new Outcome(false, last);
  }

  private static Duration backoff(int attempt) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static String readCapped(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
    }
  }

  /** A network failure in words, without class names. */
  static String networkProblem(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect in time";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException
        || e instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "network error" : "network error: " + AnswerText.firstLine(m);
  }
}
