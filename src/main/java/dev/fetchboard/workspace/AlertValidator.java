package dev.fetchboard.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a workspace's {@code alerts:} for mistakes a person can fix, each at its field ({@code
 * alerts[0].telegram.token}): a target missing or doubled, an unknown panel, a secret written out
 * instead of referenced.
 */
final class AlertValidator {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Duration MAX_MIN_INTERVAL = Duration.ofDays(1);
  // Header names whose values are credentials by convention.
  private static final Pattern SECRET_HEADER =
      Pattern.compile(".*(auth|token|key|secret|signature|cookie|password).*");
  private static final String NEVER_A_SECRET = ": a workspace file never holds a secret";

  private AlertValidator() {}

  /** Every problem in {@code ws.alerts()}, with paths such as {@code alerts[1].slack.webhook}. */
  static List<Problem> validate(Workspace ws) {
    var out = new ArrayList<Problem>();
    for (int i = 0; i < ws.alerts().size(); i++) {
      String at = "alerts[" + i + "]";
      AlertSpec a = ws.alerts().get(i);
      if (a == null) {
        out.add(new Problem(at, "empty alert: give it a telegram:, slack:, teams: or webhook:"));
        continue;
      }
      if (a.targetCount() != 1) {
        out.add(
            new Problem(
                at,
                "an alert has exactly one of telegram:, slack:, teams: or webhook:"
                    + " (write one entry per target)"));
      }
      for (int j = 0; j < a.on().size(); j++) {
        if (a.on().get(j) == null) {
          out.add(new Problem(at + ".on[" + j + "]", "expected failed, checkFailed or recovered"));
        }
      }
      panels(ws, a, at, out);
      Duration min = a.minInterval();
      if (min != null && min.compareTo(MAX_MIN_INTERVAL) > 0) {
        out.add(new Problem(at + ".minInterval", "minInterval can be at most 24h"));
      }
      if (a.telegram() != null) {
        telegram(a.telegram(), at + ".telegram", out);
      }
      if (a.slack() != null) {
        secretUrl(a.slack().webhook(), at + ".slack.webhook", "Slack", "SLACK_WEBHOOK", out);
      }
      if (a.teams() != null) {
        secretUrl(a.teams().webhook(), at + ".teams.webhook", "Teams", "TEAMS_WEBHOOK", out);
      }
      if (a.webhook() != null) {
        webhook(a.webhook(), at + ".webhook", out);
      }
    }
    return out;
  }

  private static void panels(Workspace ws, AlertSpec a, String at, List<Problem> out) {
    for (int j = 0; j < a.panels().size(); j++) {
      String id = a.panels().get(j);
      if (id == null || id.isBlank()) {
        out.add(new Problem(at + ".panels[" + j + "]", "a panel id is required here"));
      } else if (ws.panel(id).isEmpty()) {
        List<String> known = ws.panels().stream().map(PanelSpec::id).toList();
        out.add(
            new Problem(
                at + ".panels[" + j + "]",
                "no panel with id "
                    + WorkspaceValidator.quote(id)
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")")));
      }
    }
  }

  private static void telegram(AlertSpec.Telegram t, String at, List<Problem> out) {
    if (t.token() == null || t.token().isBlank()) {
      out.add(new Problem(at + ".token", "the bot's token is required, e.g. ${env:TG_BOT_TOKEN}"));
    } else if (!Variables.hasReference(t.token())) {
      out.add(
          new Problem(
              at + ".token",
              "write the bot token as a reference such as ${env:TG_BOT_TOKEN}" + NEVER_A_SECRET));
    }
    if (t.chat() == null || t.chat().isBlank()) {
      out.add(
          new Problem(
              at + ".chat", "the chat to write to is required: its id (\"-100…\") or @channel"));
    } else if (t.chat().chars().anyMatch(Character::isISOControl)) {
      out.add(new Problem(at + ".chat", "a chat cannot contain control characters"));
    }
    if (t.apiBase() != null) {
      String problem = WorkspaceValidator.urlProblem(t.apiBase());
      if (problem != null) {
        out.add(new Problem(at + ".apiBase", problem));
      }
    }
  }

  private static void secretUrl(
      String url, String at, String service, String example, List<Problem> out) {
    if (url == null || url.isBlank()) {
      out.add(new Problem(at, "the " + service + " webhook URL is required"));
    } else if (!Variables.hasReference(url)) {
      out.add(
          new Problem(
              at,
              "a "
                  + service
                  + " webhook URL is itself the secret: write it as a reference such as ${env:"
                  + example
                  + "}"
                  + NEVER_A_SECRET));
    } else if (!url.startsWith("${")) {
      String problem = WorkspaceValidator.urlProblem(url);
      if (problem != null) {
        out.add(new Problem(at, problem));
      }
    }
  }

  private static void webhook(AlertSpec.Webhook w, String at, List<Problem> out) {
    String problem = WorkspaceValidator.urlProblem(w.url());
    if (problem != null) {
      out.add(new Problem(at + ".url", problem));
    }
    w.headers()
        .forEach(
            (name, value) -> {
              String field = at + ".headers." + name;
              if (!TOKEN.matcher(name).matches()) {
                out.add(
                    new Problem(field, WorkspaceValidator.quote(name) + " is not a header name"));
              }
              if (value == null) {
                out.add(new Problem(field, "a header needs a value"));
                return;
              }
              if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                out.add(new Problem(field, "a header value cannot contain line breaks"));
              }
              if (SECRET_HEADER.matcher(name.toLowerCase(Locale.ROOT)).matches()
                  && !value.isBlank()
                  && !Variables.hasReference(value)) {
                out.add(
                    new Problem(
                        field,
                        "write the "
                            + name
                            + " value as a reference such as ${env:HOOK_KEY}"
                            + NEVER_A_SECRET));
              }
            });
  }
}
