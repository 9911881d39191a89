package dev.fetchboard.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Passwords from a libpq password file (~/.pgpass): lines of {@code
 * host:port:database:user:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaping, first match wins. Like libpq, a file readable by group or others is ignored.
 */
final class PgPass {
  private PgPass() {}

  /** The password for these settings, or null when the file has none (or may not be used). */
  static String lookup(Path file, String host, int port, String database, String user) {
    if (file == null || !Files.isRegularFile(file) || !privateEnough(file)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return null;
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = fields(line);
      if (f.size() < 5) {
        continue;
      }
      if (matches(f.get(0), host)
          && matches(f.get(1), Integer.toString(port))
          && matches(f.get(2), database)
          && matches(f.get(3), user)) {
        return f.get(4);
      }
    }
    return null;
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  private static List<String> fields(String line) {
    var out = new ArrayList<String>(5);
    var sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        sb.append(line.charAt(++i));
      } else if (c == ':' && out.size() < 4) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }

  private static boolean privateEnough(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      return !p.contains(PosixFilePermission.GROUP_READ)
          && !p.contains(PosixFilePermission.OTHERS_READ)
          && !p.contains(PosixFilePermission.GROUP_WRITE)
          && !p.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }
}
