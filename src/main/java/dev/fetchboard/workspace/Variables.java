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
  // Bounds on what one field may expand to; far above any real request, far below memory's end.
  static final int MAX_RESOLVED_CHARS = 4 * 1024 * 1024;
  static final int MAX_REFERENCES = 10_000;

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
    return text == null ? null : resolve(text, where, 0, null, new int[1]);
  }

  /**
   * @param via the variable whose value {@code text} is, null for the field itself
   * @param references how many references this field has expanded so far (shared by the levels)
   */
  private String resolve(String text, String where, int depth, String via, int[] references)
      throws UnknownVariableException {
    if (text.indexOf("${") < 0) {
      return text;
    }
    if (depth > MAX_DEPTH) {
      throw new UnknownVariableException(
          where + ": variables refer to each other in a loop (" + shortly(text) + ")");
    }
    Matcher m = REF.matcher(text);
    var sb = new StringBuilder();
    while (m.find()) {
      String whole = m.group();
      String replacement;
      if (whole.startsWith("$$")) {
        replacement = whole.substring(1);
      } else {
        String name = m.group(1).trim();
        // A few hundred bytes of variables that each repeat the one before can ask for billions
        // of characters or lookups: count both and stop early, naming the variable.
        if (++references[0] > MAX_REFERENCES) {
          throw tooBig(where, via == null ? name : via, "more than 10,000 variable references");
        }
        replacement = resolve(lookup(name, where), where, depth + 1, name, references);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      if (sb.length() > MAX_RESOLVED_CHARS) {
        throw tooBig(where, via, "more than 4 million characters");
      }
    }
    m.appendTail(sb);
    if (sb.length() > MAX_RESOLVED_CHARS) {
      throw tooBig(where, via, "more than 4 million characters");
    }
    return sb.toString();
  }

  private static UnknownVariableException tooBig(String where, String variable, String what) {
    return new UnknownVariableException(
        where
            + ": "
            + (variable == null ? "the value" : "${" + variable + "}")
            + " expands to "
            + what
            + " (do variables repeat other variables many times?)");
  }

  private static String shortly(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
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
