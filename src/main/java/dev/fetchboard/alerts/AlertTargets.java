package dev.fetchboard.alerts;

import dev.fetchboard.workspace.AlertSpec;
import dev.fetchboard.workspace.Variables;
import dev.fetchboard.workspace.Variables.UnknownVariableException;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code alerts:} entries into routes: resolves their references (a bot token from {@code
 * ${env:…}}) and teaches the {@link Redactor} every secret it resolved. An entry that cannot be
 * made ready (an unset variable) becomes a problem, worded without its secret.
 */
final class AlertTargets {
  private final Variables variables;
  private final Redactor redactor;

  AlertTargets(Variables variables, Redactor redactor) {
    this.variables = variables;
    this.redactor = redactor;
  }

  /** A route for entry {@code index}, or a problem saying why there is none. */
  sealed interface Made {
    record Ready(AlertRoute route) implements Made {}

    record Problem(int index, String target, String message) implements Made {}
  }

  Made make(int index, AlertSpec spec) {
    String at = "alerts[" + index + "]";
    if (spec == null || spec.targetCount() != 1) {
      return new Made.Problem(index, at, "needs exactly one target");
    }
    try {
      AlertSender sender = sender(spec, at);
      return new Made.Ready(
          new AlertRoute(
              index,
              new HashSet<>(spec.triggers()),
              new HashSet<>(spec.panels()),
              spec.minIntervalOrDefault(),
              sender));
    } catch (UnknownVariableException | IllegalArgumentException e) {
      return new Made.Problem(index, describe(spec), redactor.redact(e.getMessage()));
    }
  }

  /** The target as the file names it, without a secret ("Telegram chat -100123"). */
  static String describe(AlertSpec spec) {
    if (spec.telegram() != null) {
      return "Telegram chat " + spec.telegram().chat();
    }
    if (spec.slack() != null) {
      return "Slack webhook " + spec.slack().webhook();
    }
    if (spec.teams() != null) {
      return "Teams webhook " + spec.teams().webhook();
    }
    return spec.webhook() == null ? "no target" : "webhook " + shown(spec.webhook().url());
  }

  private AlertSender sender(AlertSpec spec, String at)
      throws UnknownVariableException, IllegalArgumentException {
    if (spec.telegram() != null) {
      var t = spec.telegram();
      String token = secret(t.token(), at + ".telegram.token");
      if (!token.matches("[A-Za-z0-9:_-]+")) {
        throw new IllegalArgumentException(
            at
                + ".telegram.token: "
                + t.token()
                + " does not look like a bot token (digits, a colon, letters)");
      }
      String chat = variables.resolve(t.chat(), at + ".telegram.chat");
      String base = variables.resolve(t.apiBaseOrDefault(), at + ".telegram.apiBase");
      url(base, at + ".telegram.apiBase");
      return new TelegramSender(base, token, chat);
    }
    if (spec.slack() != null) {
      String url = secretUrl(spec.slack().webhook(), at + ".slack.webhook");
      return new SlackSender(url(url, at + ".slack.webhook"), spec.slack().webhook());
    }
    if (spec.teams() != null) {
      String url = secretUrl(spec.teams().webhook(), at + ".teams.webhook");
      return new TeamsSender(url(url, at + ".teams.webhook"), spec.teams().webhook());
    }
    var w = spec.webhook();
    String url = variables.resolve(w.url(), at + ".webhook.url");
    Map<String, String> headers = new LinkedHashMap<>();
    for (var h : w.headers().entrySet()) {
      String value = variables.resolve(h.getValue(), at + ".webhook.headers." + h.getKey());
      if (Variables.hasReference(h.getValue())) {
        redactor.add(value, h.getValue());
      }
      headers.put(h.getKey(), value);
    }
    if (Variables.hasReference(w.url())) {
      redactor.addUrl(url, w.url());
    }
    return new WebhookSender(url(url, at + ".webhook.url"), shown(w.url()), headers);
  }

  /** Resolves a secret field and remembers to hide its value behind the reference. */
  private String secret(String reference, String where) throws UnknownVariableException {
    String value = variables.resolve(reference, where);
    redactor.add(value, reference);
    return value;
  }

  /** Resolves a URL that is a secret and hides it and its parts behind the reference. */
  private String secretUrl(String reference, String where) throws UnknownVariableException {
    String value = variables.resolve(reference, where);
    redactor.addUrl(value, reference);
    return value;
  }

  private URI url(String text, String where) {
    String problem = WorkspaceValidator.urlProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(where + ": " + redactor.redact(problem));
    }
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(where + ": not a valid URL");
    }
  }

  /** A literal URL without its user, query and fragment; a reference as written. */
  static String shown(String url) {
    if (url == null || Variables.hasReference(url)) {
      return url;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT) + "://";
      String port = u.getPort() < 0 ? "" : ":" + u.getPort();
      return scheme + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (URISyntaxException e) {
      return "(an invalid URL)";
    }
  }
}
