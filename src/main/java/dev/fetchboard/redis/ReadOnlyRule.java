package dev.fetchboard.redis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a panel may send a command. Without {@code allowWrites} only what the server flags {@code
 * readonly} runs, plus a few commands that only report on the server (INFO, CLIENT LIST, SLOWLOG
 * GET, CONFIG GET, …) which Redis flags otherwise; KEYS, FLUSH*, DEBUG, SHUTDOWN and CONFIG SET are
 * refused by name. Commands that would take over the connection every panel on the server shares
 * (MONITOR, SUBSCRIBE, SELECT, MULTI, blocking reads) are never sent.
 */
final class ReadOnlyRule {
  private ReadOnlyRule() {}

  /** Commands that change the shared connection's state or never end: never sent by a panel. */
  private static final Map<String, String> NEVER =
      Map.ofEntries(
          Map.entry("monitor", "it streams every command the server runs and never ends"),
          Map.entry("subscribe", "it waits for messages and never ends"),
          Map.entry("psubscribe", "it waits for messages and never ends"),
          Map.entry("ssubscribe", "it waits for messages and never ends"),
          Map.entry("unsubscribe", "the panel's connection subscribes to nothing"),
          Map.entry("punsubscribe", "the panel's connection subscribes to nothing"),
          Map.entry("sunsubscribe", "the panel's connection subscribes to nothing"),
          Map.entry("select", "it would switch every panel on this connection to another database"),
          Map.entry("swapdb", "it would swap databases under every panel on this connection"),
          Map.entry("multi", "transactions would hold the connection every panel shares"),
          Map.entry("exec", "transactions would hold the connection every panel shares"),
          Map.entry("discard", "transactions would hold the connection every panel shares"),
          Map.entry("watch", "transactions would hold the connection every panel shares"),
          Map.entry("unwatch", "transactions would hold the connection every panel shares"),
          Map.entry("reset", "it would reset the connection every panel shares"),
          Map.entry("quit", "it would close the connection every panel shares"),
          Map.entry("hello", "the connection's login is set by the connection's settings"),
          Map.entry("auth", "the connection's login is set by the connection's settings"));

  /** Refused without allowWrites whatever the server's flags say, with why. */
  private static final Map<String, String> DANGEROUS =
      Map.ofEntries(
          Map.entry(
              "keys",
              "KEYS walks every key and blocks the server while it does; use SCAN 0 MATCH pattern"),
          Map.entry("flushall", "FLUSHALL deletes every key of every database"),
          Map.entry("flushdb", "FLUSHDB deletes every key of the database"),
          Map.entry("debug", "DEBUG can crash, stall or change the server"),
          Map.entry("shutdown", "SHUTDOWN stops the server"),
          Map.entry("config|set", "CONFIG SET changes the server's configuration"),
          Map.entry("config|resetstat", "CONFIG RESETSTAT clears the server's statistics"),
          Map.entry("config|rewrite", "CONFIG REWRITE rewrites the server's configuration file"));

  /** Commands that only report on the server or connection, though Redis flags them otherwise. */
  private static final Set<String> REPORTS =
      Set.of(
          "info",
          "ping",
          "echo",
          "time",
          "lastsave",
          "role",
          "client|list",
          "client|info",
          "client|getname",
          "client|id",
          "slowlog|get",
          "slowlog|len",
          "config|get",
          "command|count",
          "command|info",
          "command|docs",
          "command|list",
          "memory|stats",
          "memory|doctor",
          "memory|malloc-stats",
          "latency|latest",
          "latency|history",
          "latency|doctor",
          "cluster|info",
          "cluster|nodes",
          "cluster|slots",
          "cluster|shards",
          "acl|whoami",
          "pubsub|channels",
          "pubsub|numsub",
          "pubsub|numpat",
          "pubsub|shardchannels",
          "module|list",
          "function|list",
          "script|exists");

  /** Refusal of a command that would take over the shared connection, or null. */
  static String never(List<String> command) {
    String name = CommandCatalog.key(command, false);
    String why = NEVER.get(name);
    if (why == null && name.equals("client") && command.size() > 1) {
      String sub = command.get(1).toLowerCase(Locale.ROOT);
      if (sub.equals("reply") || sub.equals("tracking") || sub.equals("setname")) {
        why = "it would change the connection every panel on this server shares";
      }
    }
    return why == null ? null : upper(command) + " cannot run in a panel: " + why;
  }

  /**
   * Why a command is refused, or null when it may run. {@code info} is what the server said of it
   * (null when the server does not know the command, which then gets the server's own error).
   */
  static String refusal(List<String> command, CommandCatalog.Info info, boolean allowWrites) {
    String never = never(command);
    if (never != null) {
      return never;
    }
    if (info != null && info.flagged("blocking") && blocks(command)) {
      return upper(command)
          + " cannot run in a panel: it waits for data and would hold the connection every panel on"
          + " this server shares";
    }
    if (allowWrites) {
      return null;
    }
    String sub = CommandCatalog.key(command, true);
    String top = CommandCatalog.key(command, false);
    String danger = DANGEROUS.containsKey(sub) ? DANGEROUS.get(sub) : DANGEROUS.get(top);
    if (top.startsWith("flush") && danger == null) {
      danger = upper(command) + " deletes keys";
    }
    if (danger != null) {
      return danger
          + "; refused because the panel is read-only (allowWrites: true under redis:"
          + " lifts this)";
    }
    if (info == null || REPORTS.contains(sub) || REPORTS.contains(top)) {
      return null;
    }
    if (info.flagged("readonly") && !info.flagged("write")) {
      return null;
    }
    String flagged =
        info.flagged("write")
            ? "Redis flags it 'write'"
            : info.flagged("admin")
                ? "Redis flags it 'admin', not 'readonly'"
                : "Redis does not flag it 'readonly'";
    return upper(command)
        + " may change data ("
        + flagged
        + "); the panel is read-only: add allowWrites: true under redis: to run it";
  }

  /** XREAD is flagged blocking but waits only with BLOCK; other blocking commands always may. */
  private static boolean blocks(List<String> command) {
    String name = command.getFirst().toLowerCase(Locale.ROOT);
    if (name.equals("xread") || name.equals("xreadgroup")) {
      return command.stream().anyMatch(a -> a.equalsIgnoreCase("block"));
    }
    return true;
  }

  private static String upper(List<String> command) {
    String name = command.getFirst().toUpperCase(Locale.ROOT);
    return command.size() > 1
            && Set.of("CONFIG", "CLIENT", "MEMORY", "SLOWLOG", "COMMAND", "CLUSTER").contains(name)
        ? name + " " + command.get(1).toUpperCase(Locale.ROOT)
        : name;
  }
}
