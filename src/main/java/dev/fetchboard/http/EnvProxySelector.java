package dev.fetchboard.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Honours the proxy variables command-line tools use (http_proxy, https_proxy, no_proxy, upper case
 * too), falling back to Java's own proxy settings. Loopback addresses never go through a proxy.
 */
final class EnvProxySelector extends ProxySelector {
  private final Proxy http;
  private final Proxy https;
  private final List<String> noProxy;
  private final ProxySelector fallback = ProxySelector.getDefault();

  private EnvProxySelector(Proxy http, Proxy https, List<String> noProxy) {
    this.http = http;
    this.https = https;
    this.noProxy = noProxy;
  }

  /** A selector from the environment, or Java's default when no proxy variable is set. */
  static ProxySelector fromEnvironment(Map<String, String> env) {
    Proxy http = proxy(first(env, "http_proxy", "HTTP_PROXY"));
    Proxy https = proxy(first(env, "https_proxy", "HTTPS_PROXY"));
    if (http == null && https == null) {
      return ProxySelector.getDefault();
    }
    String no = first(env, "no_proxy", "NO_PROXY");
    List<String> noProxy =
        no == null
            ? List.of()
            : Arrays.stream(no.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    return new EnvProxySelector(http, https, noProxy);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (isLoopback(host) || excluded(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? (https != null ? https : http) : http;
    if (p != null) {
      return List.of(p);
    }
    return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // Nothing to remember: the failure reaches the panel as its error.
  }

  private boolean excluded(String host) {
    for (String rule : noProxy) {
      if (rule.equals("*")) {
        return true;
      }
      String r = rule.startsWith(".") ? rule.substring(1) : rule;
      if (host.equals(r) || host.endsWith("." + r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private static String first(Map<String, String> env, String a, String b) {
    String v = env.get(a);
    if (v == null || v.isBlank()) {
      v = env.get(b);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Proxy proxy(String value) {
    if (value == null) {
      return null;
    }
    try {
      URI u = URI.create(value.contains("://") ? value : "http://" + value);
      if (u.getHost() == null) {
        return null;
      }
      int port = u.getPort() > 0 ? u.getPort() : 80;
      return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
