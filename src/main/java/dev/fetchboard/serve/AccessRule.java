package dev.fetchboard.serve;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may read serve's routes: anyone (the default), or a request carrying basic credentials or a
 * bearer token given through environment variables ({@code ${env:NAME}}): a secret written on the
 * command line would show in every process listing, so literals are refused.
 */
public final class AccessRule extends Authenticator {
  /** Serve's realm in the WWW-Authenticate header. */
  static final String REALM = "fetchboard";

  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  private final String user;
  private final byte[] password;
  private final byte[] token;

  private AccessRule(String user, String password, String token) {
    this.user = user;
    this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The rule for the options given, or null when neither is set (every route is open).
   *
   * @param basic {@code USER:${env:NAME}}, or null
   * @param bearer {@code ${env:NAME}}, or null
   * @param env where the environment variables come from (tests pass a map)
   * @throws IllegalArgumentException saying which option is wrong and how to write it
   */
  public static AccessRule of(String basic, String bearer, Function<String, String> env) {
    if (basic == null && bearer == null) {
      return null;
    }
    String user = null;
    String password = null;
    if (basic != null) {
      int colon = basic.indexOf(':');
      if (colon <= 0 || basic.substring(0, colon).contains("${")) {
        throw new IllegalArgumentException(
            "--basic-auth must be USER:${env:NAME} (the password from an environment variable)");
      }
      user = basic.substring(0, colon);
      password = secret("--basic-auth", basic.substring(colon + 1), env);
    }
    String token = bearer == null ? null : secret("--bearer-token", bearer, env);
    return new AccessRule(user, password, token);
  }

  private static String secret(String option, String ref, Function<String, String> env) {
    Matcher m = ENV_REF.matcher(ref.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option
              + ": write the secret as "
              + (option.equals("--basic-auth") ? "USER:${env:NAME}" : "${env:NAME}")
              + " (an environment variable; quote it in the"
              + " shell), never the secret itself: a command line shows in every process listing");
    }
    String value = env.apply(m.group(1));
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          option + ": the environment variable " + m.group(1) + " is not set or empty");
    }
    return value;
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null) {
      int space = header.indexOf(' ');
      String scheme = space < 0 ? header : header.substring(0, space);
      String credentials = space < 0 ? "" : header.substring(space + 1).trim();
      if (token != null && scheme.equalsIgnoreCase("Bearer") && same(credentials, token)) {
        return new Success(new HttpPrincipal("bearer", REALM));
      }
      if (password != null && scheme.equalsIgnoreCase("Basic") && basicMatches(credentials)) {
        return new Success(new HttpPrincipal(user, REALM));
      }
    }
    exchange
        .getResponseHeaders()
        .set(
            "WWW-Authenticate",
            password != null ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"" : "Bearer");
    return new Retry(401);
  }

  private boolean basicMatches(String credentials) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    // Both compared in constant time, and both always compared: no early exit to time.
    boolean userOk = same(decoded.substring(0, colon), user.getBytes(StandardCharsets.UTF_8));
    boolean passwordOk = same(decoded.substring(colon + 1), password);
    return userOk & passwordOk;
  }

  private static boolean same(String given, byte[] expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
  }
}
