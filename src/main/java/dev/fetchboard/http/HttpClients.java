package dev.fetchboard.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The shared {@link HttpClient}s: one set per TLS mode, created on first use and reused so
 * connections are pooled across panels and runs. Redirects are never followed by the client itself:
 * {@link RedirectPolicy} decides. A request waits on its caller's (virtual) thread through {@code
 * send}, and the client finishes each response on its selector thread, so an exchange costs one
 * thread hand-off (measured: half the CPU per request of {@code sendAsync} on the client's default
 * pool, which handed every response to one of ~100 pool threads and then to the common pool;
 * decision 10). Each client has one selector thread; {@link #ROTATION} clients per mode can be
 * handed out in turn.
 */
final class HttpClients implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Clients per TLS mode, taken in turn (fetchboard.http.clients overrides it for measuring). */
  static final int ROTATION = Math.max(1, Integer.getInteger("fetchboard.http.clients", 1));

  /**
   * Where the client runs its own tasks (reading a response, completing it): "direct" on its
   * selector thread, "pool" on java.net.http's default cached pool (fetchboard.http.executor
   * overrides it for measuring).
   */
  static final String EXECUTOR = System.getProperty("fetchboard.http.executor", "direct");

  /** How a request waits: "blocking" through HttpClient.send, "async" through sendAsync. */
  static final String WAIT = System.getProperty("fetchboard.http.wait", "blocking");

  private final ConcurrentHashMap<Boolean, HttpClient[]> clients = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger turn =
      new java.util.concurrent.atomic.AtomicInteger();
  private final ProxySelector proxy;

  HttpClients(ProxySelector proxy) {
    this.proxy = proxy;
  }

  HttpClient get(boolean insecure) {
    HttpClient[] set = clients.computeIfAbsent(insecure, k -> build(insecure));
    return set.length == 1 ? set[0] : set[Math.floorMod(turn.getAndIncrement(), set.length)];
  }

  private HttpClient[] build(boolean insecure) {
    var set = new HttpClient[ROTATION];
    for (int i = 0; i < set.length; i++) {
      set[i] = client(insecure);
    }
    return set;
  }

  private HttpClient client(boolean insecure) {
    // HTTP/2 is asked for per request over TLS only (ALPN); plain http stays HTTP/1.1, with no
    // h2c upgrade round trip (RequestBuilder.toJdk).
    var b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (EXECUTOR.equals("direct")) {
      b.executor(Runnable::run);
    }
    if (proxy != null) {
      b.proxy(proxy);
    }
    if (insecure) {
      b.sslContext(trustAll());
      var params = new SSLParameters();
      params.setEndpointIdentificationAlgorithm("");
      b.sslParameters(params);
    }
    return b.build();
  }

  /** Accepts any certificate: only for panels that opt in with {@code insecure: true}. */
  private static SSLContext trustAll() {
    try {
      var ctx = SSLContext.getInstance("TLS");
      ctx.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available", e);
    }
  }

  /**
   * Sends one request and waits for its response on the calling thread. A failure comes as an
   * {@link ExecutionException} holding the client's own exception, as from {@code
   * sendAsync(…).get()}; an interrupt cancels the exchange.
   */
  static <T> HttpResponse<T> send(
      HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws InterruptedException, ExecutionException {
    if (!WAIT.equals("blocking")) {
      var future = client.sendAsync(request, handler);
      try {
        return future.get();
      } finally {
        future.cancel(true);
      }
    }
    try {
      return client.send(request, handler);
    } catch (IOException | RuntimeException e) {
      throw new ExecutionException(unwrapped(e));
    }
  }

  /**
   * The exception the exchange failed with. {@code send} re-throws it as a new exception of a
   * related type, the original as its cause with the same message.
   */
  private static Throwable unwrapped(Exception e) {
    Throwable cause = e.getCause();
    return cause != null && java.util.Objects.equals(e.getMessage(), cause.getMessage())
        ? cause
        : e;
  }

  @Override
  public void close() {
    clients.values().forEach(set -> java.util.Arrays.stream(set).forEach(HttpClient::shutdownNow));
    clients.clear();
  }
}
