package dev.fetchboard.alerts;

import dev.fetchboard.workspace.Durations;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The plain text of a message, as chats show it (Telegram, Slack, Teams, the window). */
final class MessageText {
  // Telegram refuses more than 4096 characters; a message is read at a glance anyway.
  private static final int MAX_DETAIL = 1000;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private MessageText() {}

  static String of(AlertMessage m) {
    return switch (m) {
      case AlertMessage.Change c -> change(c.event());
      case AlertMessage.Summary s -> summary(s);
      case AlertMessage.Test t ->
          "🔔 Test alert from Fetchboard, workspace "
              + t.workspace()
              + ": alerts reach this chat. ("
              + TIME.format(t.time())
              + ")";
    };
  }

  /** The first line alone: what happened to which panel ("Orders API failed"). */
  static String headline(AlertEvent e) {
    return switch (e.trigger()) {
      case FAILED -> "🔴 " + e.title() + " failed";
      case CHECK_FAILED -> "🟠 " + e.title() + ": a check failed";
      case RECOVERED ->
          "✅ "
              + e.title()
              + " recovered"
              + (e.previous() == null ? "" : " (was " + e.previous().words() + ")");
    };
  }

  private static String change(AlertEvent e) {
    var sb = new StringBuilder(headline(e));
    if (e.message() != null) {
      sb.append('\n').append(shorten(e.message()));
    }
    if (e.value() != null) {
      sb.append("\nvalue: ").append(shorten(String.valueOf(e.value())));
    }
    return sb.append('\n').append(footer(e, true)).toString();
  }

  private static String summary(AlertMessage.Summary s) {
    AlertEvent last = s.latest();
    String changes =
        s.held().stream().map(e -> e.trigger().key()).collect(Collectors.joining(", "))
            + (s.count() > s.held().size() ? ", …" : "");
    var sb =
        new StringBuilder("🔁 ")
            .append(last.title())
            .append(" changed ")
            .append(s.count())
            .append(s.count() == 1 ? " more time" : " more times")
            .append(" while messages were held back (at most one per ")
            .append(Durations.human(s.window()))
            .append("): ")
            .append(changes)
            .append("\nnow: ")
            .append(last.now().words());
    if (last.message() != null) {
      sb.append(" — ").append(shorten(last.message()));
    }
    return sb.append('\n').append(footer(last, false)).toString();
  }

  private static String footer(AlertEvent e, boolean latency) {
    return "panel "
        + e.panelId()
        + " · workspace "
        + e.workspace()
        + (latency && e.latency() != null ? " · " + Durations.human(e.latency()) : "")
        + " · "
        + TIME.format(e.time());
  }

  static String shorten(String text) {
    String one = text.strip();
    return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "…";
  }
}
