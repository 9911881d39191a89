package dev.fetchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redirect rules on their own, including those no local plain-http server can show. */
class RedirectPolicyTest {
  private static OutgoingRequest get(String url, List<Map.Entry<String, String>> headers) {
    return new OutgoingRequest("GET", URI.create(url), headers, null, Duration.ofSeconds(5));
  }

  @Test
  void httpsToPlainHttpIsRefusedUnlessThePanelAllowsIt() {
    var from = get("https://api.example.com/a", List.of(Map.entry("Authorization", "Bearer t")));
    var refused = RedirectPolicy.next(from, 302, "http://api.example.com/b", 0, false, v -> false);
    assertThat(refused).isInstanceOf(RedirectPolicy.Refuse.class);
    assertThat(((RedirectPolicy.Refuse) refused).message())
        .contains("from https to plain http")
        .contains("insecure: true");
    var allowed = RedirectPolicy.next(from, 302, "http://api.example.com/b", 0, true, v -> false);
    assertThat(allowed).isInstanceOf(RedirectPolicy.Follow.class);
    // Another scheme is another origin: the credentials stay behind.
    assertThat(((RedirectPolicy.Follow) allowed).next().headers()).isEmpty();
  }

  @Test
  void defaultPortsBelongToTheSameOrigin() {
    assertThat(
            RedirectPolicy.sameOrigin(
                URI.create("https://Example.com/a"), URI.create("https://example.com:443/b")))
        .isTrue();
    assertThat(
            RedirectPolicy.sameOrigin(
                URI.create("http://example.com/a"), URI.create("http://example.com:8080/b")))
        .isFalse();
  }

  @Test
  void notARedirectOrNoLocationKeepsTheResponse() {
    var from = get("http://h/a", List.of());
    assertThat(RedirectPolicy.next(from, 200, "/b", 0, false, v -> false))
        .isInstanceOf(RedirectPolicy.Keep.class);
    assertThat(RedirectPolicy.next(from, 302, null, 0, false, v -> false))
        .isInstanceOf(RedirectPolicy.Keep.class);
    assertThat(RedirectPolicy.next(from, 304, "/b", 0, false, v -> false))
        .isInstanceOf(RedirectPolicy.Keep.class);
  }

  @Test
  void aSixthHopIsTooMany() {
    var from = get("http://h/a", List.of());
    assertThat(RedirectPolicy.next(from, 302, "/b", 4, false, v -> false))
        .isInstanceOf(RedirectPolicy.Follow.class);
    var sixth = RedirectPolicy.next(from, 302, "/b", 5, false, v -> false);
    assertThat(((RedirectPolicy.Refuse) sixth).message())
        .startsWith("too many redirects from h:80");
  }
}
