package dev.fetchboard.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A command as a person types it: {@code HGET user:1 "full name"}, split as redis-cli splits its
 * prompt's lines (double quotes with {@code \n}, {@code \xff} escapes, single quotes), or a whole
 * pasted {@code redis-cli -h host -p 6380 -n 2 LLEN jobs} shell line, whose options say where the
 * command was sent.
 *
 * @param command the command's words
 * @param url where the pasted redis-cli line pointed (redis://host:port/db), or null
 * @param notices options that were not carried over (a password on the command line)
 */
public record RedisCommandLine(List<String> command, @Nullable String url, List<String> notices) {

  /**
   * Reads a typed or pasted line.
   *
   * @throws IllegalArgumentException with the column of an unclosed quote
   */
  public static RedisCommandLine parse(String line) {
    String text = line.strip();
    String first = text.split("\\s+", 2)[0];
    if (first.equals("redis-cli") || first.endsWith("/redis-cli")) {
      try {
        return fromCli(ShellWords.split(text));
      } catch (ImportException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    return new RedisCommandLine(split(text), null, List.of());
  }

  private static RedisCommandLine fromCli(List<String> words) {
    String host = null;
    String port = null;
    String db = null;
    String user = null;
    String url = null;
    boolean tls = false;
    var notices = new ArrayList<String>();
    int i = 1;
    while (i < words.size() && words.get(i).startsWith("-")) {
      String opt = words.get(i);
      String arg = i + 1 < words.size() ? words.get(i + 1) : null;
      switch (opt) {
        case "-h" -> host = arg;
        case "-p" -> port = arg;
        case "-n" -> db = arg;
        case "--user" -> user = arg;
        case "-u" -> url = arg;
        case "-a", "--pass" ->
            notices.add(
                "the password was left out: write password: ${env:REDIS_PASSWORD} in the"
                    + " connection");
        case "--tls" -> tls = true;
        default -> {
          // -3, --raw, -c, --no-auth-warning …: how redis-cli prints, nothing a panel needs
        }
      }
      boolean takesArg =
          List.of("-h", "-p", "-n", "--user", "-u", "-a", "--pass", "--cacert", "--cert", "--key")
              .contains(opt);
      i += takesArg ? 2 : 1;
    }
    if (url == null && (host != null || port != null || db != null || user != null || tls)) {
      url =
          (tls ? "rediss://" : "redis://")
              + (user == null ? "" : user + "@")
              + (host == null ? "127.0.0.1" : host)
              + ":"
              + (port == null ? "6379" : port)
              + "/"
              + (db == null ? "0" : db);
    } else if (url != null
        && url.contains("@")
        && url.substring(0, url.indexOf('@')).contains(":")) {
      // redis://user:password@host: keep the user, never the password
      int scheme = url.indexOf("://") + 3;
      int colon = url.indexOf(':', scheme);
      url = url.substring(0, colon) + url.substring(url.indexOf('@'));
      notices.add(
          "the password was left out: write password: ${env:REDIS_PASSWORD} in the connection");
    }
    return new RedisCommandLine(List.copyOf(words.subList(i, words.size())), url, notices);
  }

  /** Splits as redis-cli does (sdssplitargs). */
  public static List<String> split(String line) {
    var words = new ArrayList<String>();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return words;
      }
      var word = new StringBuilder();
      boolean inDouble = false;
      boolean inSingle = false;
      int opened = i;
      boolean done = false;
      while (!done) {
        if (i >= n) {
          if (inDouble || inSingle) {
            throw new IllegalArgumentException(
                "the quote at column " + (opened + 1) + " is not closed");
          }
          done = true;
          continue;
        }
        char c = line.charAt(i);
        if (inDouble) {
          if (c == '\\' && i + 3 < n && line.charAt(i + 1) == 'x' && hex(line, i + 2)) {
            word.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
            i += 3;
          } else if (c == '\\' && i + 1 < n) {
            char e = line.charAt(++i);
            word.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 'r' -> '\r';
                  case 't' -> '\t';
                  case 'b' -> '\b';
                  case 'a' -> '\007';
                  default -> e;
                });
          } else if (c == '"') {
            closeQuote(line, i);
            inDouble = false;
            done = true;
          } else {
            word.append(c);
          }
        } else if (inSingle) {
          if (c == '\\' && i + 1 < n && line.charAt(i + 1) == '\'') {
            word.append('\'');
            i++;
          } else if (c == '\'') {
            closeQuote(line, i);
            inSingle = false;
            done = true;
          } else {
            word.append(c);
          }
        } else if (Character.isWhitespace(c)) {
          done = true;
        } else if (c == '"') {
          inDouble = true;
          opened = i;
        } else if (c == '\'') {
          inSingle = true;
          opened = i;
        } else {
          word.append(c);
        }
        i++;
      }
      words.add(word.toString());
    }
  }

  private static void closeQuote(String line, int i) {
    if (i + 1 < line.length() && !Character.isWhitespace(line.charAt(i + 1))) {
      throw new IllegalArgumentException(
          "the quote closed at column " + (i + 1) + " must be followed by a space");
    }
  }

  private static boolean hex(String s, int at) {
    return at + 1 < s.length()
        && Character.digit(s.charAt(at), 16) >= 0
        && Character.digit(s.charAt(at + 1), 16) >= 0;
  }

  /** The words as one line redis-cli would read back the same: quoted where needed. */
  public static String join(List<String> words) {
    var sb = new StringBuilder();
    for (String w : words) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      boolean plain =
          !w.isEmpty() && w.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\');
      if (plain) {
        sb.append(w);
      } else {
        sb.append('"');
        for (char c : w.toCharArray()) {
          switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
              if (c < ' ') {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
              } else {
                sb.append(c);
              }
            }
          }
        }
        sb.append('"');
      }
    }
    return sb.toString();
  }
}
