package dev.fetchboard.redis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one server says of its commands ({@code COMMAND INFO}), learnt once per command and
 * connection: the flags ({@code readonly}, {@code write}, {@code admin}, …) Redis itself gives each
 * command and subcommand ({@code config|get}), so the read-only rule follows the server in front of
 * it, modules included, rather than a list written here.
 */
final class CommandCatalog {

  /** A command's name as Redis writes it ({@code config|get}) and its flags. */
  record Info(String name, Set<String> flags, boolean hasSubcommands) {
    boolean flagged(String flag) {
      return flags.contains(flag);
    }
  }

  /** Marks a command the server said it does not know. */
  private static final Info UNKNOWN = new Info("", Set.of(), false);

  private final Map<String, Info> known = new ConcurrentHashMap<>();

  /** The name this command is filed under: {@code get}, or {@code config|get} for a subcommand. */
  static String key(List<String> command, boolean sub) {
    String name = command.getFirst().toLowerCase(Locale.ROOT);
    return sub && command.size() > 1 ? name + "|" + command.get(1).toLowerCase(Locale.ROOT) : name;
  }

  /** True when the container command has been asked about (known or not). */
  boolean asked(List<String> command) {
    return known.containsKey(key(command, false));
  }

  /**
   * What the server said of this command, the subcommand's entry for a container such as CONFIG, or
   * null when the server does not know it. Call only after {@link #asked}.
   */
  Info lookup(List<String> command) {
    Info top = known.get(key(command, false));
    if (top == null || top == UNKNOWN) {
      return null;
    }
    if (top.hasSubcommands() && command.size() > 1) {
      // A subcommand the server did not list has no flags: it is not taken to be read-only.
      Info sub = known.get(key(command, true));
      return sub == null || sub == UNKNOWN ? new Info(key(command, true), Set.of(), false) : sub;
    }
    return top;
  }

  /** Files a {@code COMMAND INFO name} reply. */
  void learn(List<String> command, Reply reply) {
    String name = key(command, false);
    if (reply instanceof Reply.Aggregate all
        && !all.items().isEmpty()
        && all.items().getFirst() instanceof Reply.Aggregate entry) {
      file(entry);
      known.putIfAbsent(name, UNKNOWN);
    } else {
      known.put(name, UNKNOWN);
    }
  }

  private void file(Reply.Aggregate entry) {
    List<Reply> f = entry.items();
    if (f.size() < 3 || !(f.getFirst() instanceof Reply.Text nameText)) {
      return;
    }
    String name = nameText.text().toLowerCase(Locale.ROOT);
    Set<String> flags = new TreeSet<>();
    if (f.get(2) instanceof Reply.Aggregate list) {
      for (Reply r : list.items()) {
        if (r instanceof Reply.Text t) {
          flags.add(t.text().toLowerCase(Locale.ROOT));
        }
      }
    }
    boolean subs = false;
    if (f.size() > 9 && f.get(9) instanceof Reply.Aggregate subcommands) {
      for (Reply s : subcommands.items()) {
        if (s instanceof Reply.Aggregate sub) {
          file(sub);
          subs = true;
        }
      }
    }
    known.put(name, new Info(name, Set.copyOf(flags), subs));
  }
}
