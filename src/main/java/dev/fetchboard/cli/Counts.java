package dev.fetchboard.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for count options: an impossible count is refused while the arguments are
 * read, before a command starts anything (a server, a database, a run).
 */
final class Counts {
  private Counts() {}

  /** A count that must be 1 or more: concurrency, repeats. */
  static final class AtLeastOne implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return parse(value, 1);
    }
  }

  /** A count where 0 means none: rows printed. */
  static final class AtLeastZero implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return parse(value, 0);
    }
  }

  static int parse(String value, int least) {
    String t = value == null ? "" : value.strip();
    int n;
    try {
      n = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      boolean digits = t.matches("[-+]?\\d+");
      throw new TypeConversionException(
          digits
              ? "'" + shortly(t) + "' is too large"
              : "'" + shortly(t) + "' is not a whole number");
    }
    if (n < least) {
      throw new TypeConversionException(
          least == 1
              ? "must be at least 1, not " + n
              : "cannot be negative (" + n + "); 0 means none");
    }
    return n;
  }

  private static String shortly(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
