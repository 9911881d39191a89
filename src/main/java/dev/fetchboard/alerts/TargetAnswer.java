package dev.fetchboard.alerts;

/**
 * How one target answered a test message.
 *
 * @param target names it without secrets ("Telegram chat -100123")
 * @param answer its answer in one line ("200 ok", "404 Not Found: chat not found"), or why nothing
 *     was sent
 */
public record TargetAnswer(String target, boolean delivered, String answer) {}
