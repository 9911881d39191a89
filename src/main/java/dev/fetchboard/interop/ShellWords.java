package dev.fetchboard.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command line into words as a POSIX shell would: single quotes, double quotes with
 * their backslash escapes, {@code $'…'} ANSI-C strings, backslash escapes and backslash-newline
 * continuations. No expansion: {@code $VAR} stays as written.
 */
public final class ShellWords {
  private ShellWords() {}

  /**
   * The words of {@code text}.
   *
   * @throws ImportException for an unterminated quote, with the line and column where it opened
   */
  public static List<String> split(String text) throws ImportException {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i += 2; // continuation
          continue;
        }
        if (i + 2 < n && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
          i += 3;
          continue;
        }
        if (i + 1 < n) {
          word.append(text.charAt(i + 1));
          inWord = true;
          i += 2;
        } else {
          i++;
        }
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw unterminated("single quote", text, i);
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '\'') {
        i = ansiC(text, i, word);
        inWord = true;
      } else if (c == '"') {
        int start = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n) {
            char e = text.charAt(i + 1);
            if (e == '\n') {
              i += 2;
              continue;
            }
            if (e == '"' || e == '\\' || e == '$' || e == '`') {
              word.append(e);
              i += 2;
              continue;
            }
          }
          word.append(d);
          i++;
        }
        if (!closed) {
          throw unterminated("double quote", text, start);
        }
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int ansiC(String text, int start, StringBuilder word) throws ImportException {
    int i = start + 2;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < n) {
        char e = text.charAt(i + 1);
        i += 2;
        switch (e) {
          case 'n' -> word.append('\n');
          case 't' -> word.append('\t');
          case 'r' -> word.append('\r');
          case 'a' -> word.append('\u0007');
          case 'b' -> word.append('\b');
          case 'e', 'E' -> word.append('\u001b');
          case 'f' -> word.append('\f');
          case 'v' -> word.append('\u000b');
          case 'x' -> {
            int end = i;
            while (end < n && end < i + 2 && Character.digit(text.charAt(end), 16) >= 0) {
              end++;
            }
            if (end == i) {
              word.append("\\x");
            } else {
              word.append((char) Integer.parseInt(text.substring(i, end), 16));
              i = end;
            }
          }
          case 'u' -> {
            int end = i;
            while (end < n && end < i + 4 && Character.digit(text.charAt(end), 16) >= 0) {
              end++;
            }
            if (end == i) {
              word.append("\\u");
            } else {
              word.appendCodePoint(Integer.parseInt(text.substring(i, end), 16));
              i = end;
            }
          }
          default -> word.append(e); // \\ \' \" and anything else stand for themselves
        }
      } else {
        word.append(c);
        i++;
      }
    }
    throw unterminated("$'…' string", text, start);
  }

  private static ImportException unterminated(String what, String text, int offset) {
    int line = 1;
    int column = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new ImportException(
        "unterminated " + what + " (it opens here and never closes)", line, column);
  }

  /**
   * {@code s} quoted for a POSIX shell: as is when every character is inert (zsh's {@code =word}
   * expansion included), else in single quotes, inside which nothing is special but the quote.
   */
  public static String quote(String s) {
    if (!s.isEmpty() && s.charAt(0) != '=' && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
