package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a workspace's {@code alerts:}: which outcome changes ({@code on}) of which panels
 * ({@code panels}, empty for all) go to exactly one target (Telegram, Slack, Teams or a JSON
 * webhook), at most one message per panel per {@code minInterval}. Secrets are references such as
 * {@code ${env:TG_BOT_TOKEN}}, resolved only when sending.
 */
@JsonPropertyOrder({"on", "panels", "minInterval", "telegram", "slack", "teams", "webhook"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlertSpec(
    List<AlertTrigger> on,
    List<String> panels,
    Duration minInterval,
    Telegram telegram,
    Slack slack,
    Teams teams,
    Webhook webhook) {

  /** How long a panel's next message waits after one was sent, unless the file says otherwise. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMinutes(1);

  public AlertSpec {
    on = on == null ? List.of() : List.copyOf(on);
    panels = panels == null ? List.of() : List.copyOf(panels);
  }

  /** The triggers this alert is sent for: all three when {@code on} is left out. */
  @JsonIgnore
  public List<AlertTrigger> triggers() {
    return on.isEmpty() ? List.of(AlertTrigger.values()) : on;
  }

  @JsonIgnore
  public Duration minIntervalOrDefault() {
    return minInterval == null ? DEFAULT_MIN_INTERVAL : minInterval;
  }

  /** How many targets this entry names (exactly one is valid). */
  @JsonIgnore
  public int targetCount() {
    return (telegram != null ? 1 : 0)
        + (slack != null ? 1 : 0)
        + (teams != null ? 1 : 0)
        + (webhook != null ? 1 : 0);
  }

  /**
   * A Telegram chat, through the Bot API's {@code sendMessage}.
   *
   * @param apiBase the Bot API server, default {@code https://api.telegram.org} (tests and
   *     self-hosted Bot API servers set it)
   */
  @JsonPropertyOrder({"token", "chat", "apiBase"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Telegram(String token, String chat, String apiBase) {
    public static final String DEFAULT_API_BASE = "https://api.telegram.org";

    @JsonIgnore
    public String apiBaseOrDefault() {
      return apiBase == null || apiBase.isBlank() ? DEFAULT_API_BASE : apiBase;
    }
  }

  /** A Slack incoming webhook; its URL is a secret. */
  public record Slack(String webhook) {}

  /** A Microsoft Teams incoming webhook (a Workflows "when a webhook request is received" URL). */
  public record Teams(String webhook) {}

  /** Any URL that takes the documented JSON payload, with extra headers (e.g. a key). */
  @JsonPropertyOrder({"url", "headers"})
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Webhook(String url, Map<String, String> headers) {
    public Webhook {
      headers =
          headers == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }
}
