package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Request authentication: {@code basic} (user and password) or {@code bearer} (a token). Secrets
 * are written as variable references, e.g. {@code ${env:API_TOKEN}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthSpec(Basic basic, String bearer) {

  /** HTTP basic credentials. */
  public record Basic(String user, String password) {}

  public static AuthSpec basic(String user, String password) {
    return new AuthSpec(new Basic(user, password), null);
  }

  public static AuthSpec bearer(String token) {
    return new AuthSpec(null, token);
  }
}
