package dev.fetchboard.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${name}} from the active environment and {@code ${env:NAME}} from the process
 * environment. {@code $${...}} stands for a literal {@code ${...}}. Values may refer to other
 * variables, up to a small depth (so a loop is an error, not a hang).
 */
public final class Variables {
  private static final Pattern REF = Pattern.compile("\\$?\\$\\{([^}]*)}");
  private static final int MAX_DEPTH = 8;

  private static final int MIN_SECRET_LENGTH = 4;

  private final Map<String, String> environment;
  private final Function<String, String> processEnvironment;
  private final Map<String, String> secretsUsed = new java.util.concurrent.ConcurrentHashMap<>();

  public Variables(Map<String, String> environment, Function<String, String> processEnvironment) {
    this.environment = Map.copyOf(environment);
    this.processEnvironment = processEnvironment;
  }

  /** Variables of the workspace's active environment and of this process. */
  public static Variables of(Workspace workspace) {
    return new Variables(workspace.activeVariables(), System::getenv);
  }

  /**
   * The text with every reference replaced.
   *
   * @param where names the panel and field for the message, e.g. "panel 'orders', field url"
   * @throws UnknownVariableException naming the variable and {@code where}
   */
  public String resolve(String text, String where) throws UnknownVariableException {
    return text == null ? null : resolve(text, where, 0);
  }

  private String resolve(String text, String where, int depth) throws UnknownVariableException {
    if (text.indexOf("${") < 0) {
      return text;
    }
    if (depth > MAX_DEPTH) {
      throw new UnknownVariableException(
          where + ": variables refer to each other in a loop (" + text + ")");
    }
    Matcher m = REF.matcher(text);
    var sb = new StringBuilder();
    while (m.find()) {
      String whole = m.group();
      String replacement;
      if (whole.startsWith("$$")) {
        replacement = whole.substring(1);
      } else {
        replacement = resolve(lookup(m.group(1).trim(), where), where, depth + 1);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String lookup(String name, String where) throws UnknownVariableException {
    if (name.startsWith("env:")) {
      String envName = name.substring(4).trim();
      String value = envName.isEmpty() ? null : processEnvironment.apply(envName);
      if (value == null) {
        throw new UnknownVariableException(
            where
                + ": environment variable "
                + envName
                + " is not set (referenced as ${"
                + name
                + "})");
      }
      if (value.length() >= MIN_SECRET_LENGTH) {
        secretsUsed.put(value, "${env:" + envName + "}");
      }
      return value;
    }
    String value = environment.get(name);
    if (value == null) {
      throw new UnknownVariableException(
          where + ": unknown variable ${" + name + "}" + knownHint());
    }
    return value;
  }

  private String knownHint() {
    if (environment.isEmpty()) {
      return " (the active environment defines no variables)";
    }
    return " (known: " + String.join(", ", environment.keySet().stream().sorted().toList()) + ")";
  }

  /**
   * The text with every value that came from {@code ${env:...}} replaced by its reference again, so
   * messages, logs and exports never show a secret.
   */
  public String redact(String text) {
    if (text == null || secretsUsed.isEmpty()) {
      return text;
    }
    String out = text;
    for (var e : secretsUsed.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** The names referenced as {@code ${name}} (not env: ones), for checks while editing. */
  public static List<String> referencedNames(String text) {
    var out = new ArrayList<String>();
    if (text == null) {
      return out;
    }
    Matcher m = REF.matcher(text);
    while (m.find()) {
      String name = m.group(1).trim();
      if (!m.group().startsWith("$$") && !name.startsWith("env:")) {
        out.add(name);
      }
    }
    return out;
  }

  /** True when the text refers to any variable. */
  public static boolean hasReference(String text) {
    return text != null && REF.matcher(text).find();
  }

  /** A reference to a variable that is not defined, or to an unset environment variable. */
  public static final class UnknownVariableException extends Exception {
    public UnknownVariableException(String message) {
      super(message);
    }
  }
}
