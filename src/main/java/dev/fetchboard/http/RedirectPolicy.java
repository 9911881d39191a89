package dev.fetchboard.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which redirect Fetchboard follows and what it sends there, as curl and browsers do: credentials
 * stay with their origin, a body is never re-sent to another origin, https never silently becomes
 * http, and only http(s) Locations are followed, at most {@value #MAX_HOPS} times.
 */
final class RedirectPolicy {
  static final int MAX_HOPS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CREDENTIALS =
      Set.of("authorization", "cookie", "proxy-authorization");
  // Header names that carry keys or sessions by convention, whatever their value's source.
  private static final Pattern SECRET_NAME =
      Pattern.compile("token|secret|api-?key|apikey|password|passwd|session|credential|auth");

  private RedirectPolicy() {}

  /** What to do with a response: keep it, send the next request, or fail with a message. */
  sealed interface Decision {}

  /** The response is the result (not a redirect, or one that is returned as is). */
  record Keep() implements Decision {}

  /** Send this request next. */
  record Follow(OutgoingRequest next) implements Decision {}

  /** The redirect is not followed, for the reason given. */
  record Refuse(String message) implements Decision {}

  /**
   * The decision for a response to {@code current}.
   *
   * @param hops redirects followed so far
   * @param allowDowngrade whether a redirect from https to http may be followed
   * @param fromSecret true for a header value that came from a secret (${env:…})
   */
  static Decision next(
      OutgoingRequest current,
      int status,
      String location,
      int hops,
      boolean allowDowngrade,
      Predicate<String> fromSecret) {
    if (!REDIRECTS.contains(status) || location == null) {
      return new Keep();
    }
    String from = HttpErrors.hostPort(current.uri());
    URI target;
    try {
      target = current.uri().resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return new Refuse(
          "the server at "
              + from
              + " redirected to a Location that is not a valid URL ("
              + quote(location)
              + "); it is not followed");
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Refuse("redirect to a " + scheme + ": URL is not followed (from " + from + ")");
    }
    if (target.getHost() == null || target.getPort() == 0 || target.getPort() > 65535) {
      return new Refuse(
          "the server at "
              + from
              + " redirected to a Location that is not a valid URL ("
              + quote(location)
              + "); it is not followed");
    }
    if (hops >= MAX_HOPS) {
      return new Refuse(
          "too many redirects from "
              + from
              + " (more than "
              + MAX_HOPS
              + "; a redirect loop?); last Location: "
              + quote(location));
    }
    if (current.uri().getScheme().equalsIgnoreCase("https")
        && scheme.equals("http")
        && !allowDowngrade) {
      return new Refuse(
          "the server at "
              + from
              + " redirected from https to plain http ("
              + target
              + "); it is not followed (set insecure: true on the panel to allow it)");
    }
    boolean sameOrigin = sameOrigin(current.uri(), target);
    boolean toGet =
        status == 303 || ((status == 301 || status == 302) && current.method().equals("POST"));
    if (!toGet && !sameOrigin && current.body() != null) {
      return new Refuse(
          "the server at "
              + from
              + " answered "
              + status
              + " to move the "
              + current.method()
              + " to another origin ("
              + HttpErrors.hostPort(target)
              + "); its body is not re-sent there, so the redirect is not followed");
    }
    var headers =
        current.headers().stream()
            .filter(h -> sameOrigin || !credential(h, fromSecret))
            .filter(h -> !toGet || !h.getKey().equalsIgnoreCase("content-type"))
            .toList();
    String method = toGet && !current.method().equals("HEAD") ? "GET" : current.method();
    return new Follow(
        new OutgoingRequest(
            method, target, headers, toGet ? null : current.body(), current.timeout()));
  }

  /** Same scheme, host and port (default ports filled in), as RFC 6454 defines an origin. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static boolean credential(Map.Entry<String, String> h, Predicate<String> fromSecret) {
    String name = h.getKey().toLowerCase(Locale.ROOT);
    return CREDENTIALS.contains(name)
        || SECRET_NAME.matcher(name).find()
        || fromSecret.test(h.getValue());
  }

  private static String quote(String s) {
    String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
    return "\"" + shown.replaceAll("[\\p{Cntrl}]", "?") + "\"";
  }
}
