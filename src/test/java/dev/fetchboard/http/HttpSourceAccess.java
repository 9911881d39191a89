package dev.fetchboard.http;

/** Lets tests in other packages reach package-private helpers of the HTTP source. */
public final class HttpSourceAccess {
  private HttpSourceAccess() {}

  public static String redactCookie(String value) {
    return SensitiveHeaders.redactCookie(value);
  }
}
