package dev.fetchboard.http;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The shared {@link HttpClient}s: one per redirect policy and TLS mode, created on first use and
 * reused so connections are pooled across panels and runs.
 */
final class HttpClients implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ConcurrentHashMap<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(dev.fetchboard.engine.Workers.virtual("http"));
  private final ProxySelector proxy;

  HttpClients(ProxySelector proxy) {
    this.proxy = proxy;
  }

  HttpClient get(boolean followRedirects, boolean insecure) {
    return clients.computeIfAbsent(
        (followRedirects ? "follow" : "stay") + (insecure ? "-insecure" : ""),
        k -> build(followRedirects, insecure));
  }

  private HttpClient build(boolean followRedirects, boolean insecure) {
    var b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(
                followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
            .executor(executor);
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

  @Override
  public void close() {
    clients.values().forEach(HttpClient::shutdownNow);
    clients.clear();
    executor.shutdownNow();
  }
}
