package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP request as written in the workspace (variables unresolved).
 *
 * @param query query parameters appended to the URL (URL-encoded when sent)
 * @param timeout whole-exchange timeout, headers and body; null means the default
 * @param followRedirects null means yes
 * @param retries extra attempts after a connection failure or a 502/503/504, idempotent methods
 *     only
 * @param maxBytes cap on the body bytes read; null means the default
 */
@JsonPropertyOrder({
  "method",
  "url",
  "query",
  "headers",
  "body",
  "auth",
  "timeout",
  "followRedirects",
  "retries",
  "maxBytes",
  "insecure"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HttpRequestSpec(
    String method,
    String url,
    Map<String, String> query,
    Map<String, String> headers,
    BodySpec body,
    AuthSpec auth,
    Duration timeout,
    Boolean followRedirects,
    Integer retries,
    ByteSize maxBytes,
    Boolean insecure)
    implements SourceSpec {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final ByteSize DEFAULT_MAX_BYTES = ByteSize.ofMegabytes(50);
  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  public HttpRequestSpec {
    method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers =
        headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static HttpRequestSpec get(String url) {
    return new HttpRequestSpec("GET", url, null, null, null, null, null, null, null, null, null);
  }

  @JsonIgnore
  public boolean idempotent() {
    return IDEMPOTENT.contains(method);
  }

  @JsonIgnore
  public Duration timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  @JsonIgnore
  public boolean followRedirectsOrDefault() {
    return followRedirects == null || followRedirects;
  }

  @JsonIgnore
  public ByteSize maxBytesOrDefault() {
    return maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
  }

  @JsonIgnore
  public int retriesOrDefault() {
    return retries == null ? 0 : retries;
  }

  public HttpRequestSpec withMethod(String m) {
    return new HttpRequestSpec(
        m, url, query, headers, body, auth, timeout, followRedirects, retries, maxBytes, insecure);
  }

  public HttpRequestSpec withUrl(String u) {
    return new HttpRequestSpec(
        method,
        u,
        query,
        headers,
        body,
        auth,
        timeout,
        followRedirects,
        retries,
        maxBytes,
        insecure);
  }

  public HttpRequestSpec withQuery(Map<String, String> q) {
    return new HttpRequestSpec(
        method, url, q, headers, body, auth, timeout, followRedirects, retries, maxBytes, insecure);
  }

  public HttpRequestSpec withHeaders(Map<String, String> h) {
    return new HttpRequestSpec(
        method, url, query, h, body, auth, timeout, followRedirects, retries, maxBytes, insecure);
  }

  public HttpRequestSpec withBody(BodySpec b) {
    return new HttpRequestSpec(
        method,
        url,
        query,
        headers,
        b,
        auth,
        timeout,
        followRedirects,
        retries,
        maxBytes,
        insecure);
  }

  public HttpRequestSpec withAuth(AuthSpec a) {
    return new HttpRequestSpec(
        method,
        url,
        query,
        headers,
        body,
        a,
        timeout,
        followRedirects,
        retries,
        maxBytes,
        insecure);
  }

  public HttpRequestSpec withTimeout(Duration t) {
    return new HttpRequestSpec(
        method, url, query, headers, body, auth, t, followRedirects, retries, maxBytes, insecure);
  }

  public HttpRequestSpec withFollowRedirects(Boolean f) {
    return new HttpRequestSpec(
        method, url, query, headers, body, auth, timeout, f, retries, maxBytes, insecure);
  }

  public HttpRequestSpec withRetries(Integer r) {
    return new HttpRequestSpec(
        method, url, query, headers, body, auth, timeout, followRedirects, r, maxBytes, insecure);
  }

  public HttpRequestSpec withMaxBytes(ByteSize m) {
    return new HttpRequestSpec(
        method, url, query, headers, body, auth, timeout, followRedirects, retries, m, insecure);
  }
}
