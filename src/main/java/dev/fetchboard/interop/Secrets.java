package dev.fetchboard.interop;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which imported names hold secrets, whose values must never be written into a workspace. */
final class Secrets {
  private static final Pattern SECRET =
      Pattern.compile("password|passwd|token|secret|api[-_]?key|authorization|credential");

  private Secrets() {}

  static boolean looksSecret(String key) {
    return key != null && SECRET.matcher(key.toLowerCase(Locale.ROOT)).find();
  }

  static String reference(String key) {
    return "${env:" + PanelIds.envName(key) + "}";
  }
}
