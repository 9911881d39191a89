package dev.fetchboard.serve;

import java.net.InetSocketAddress;

/**
 * Where serve listens: {@code HOST:PORT} as given to {@code --listen}. The default is 127.0.0.1;
 * every interface ({@code 0.0.0.0} or {@code [::]}) only when written out.
 */
public record ListenAddress(String host, int port) {
  /** The default: this machine only, Prometheus exporters' customary port range. */
  public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 9464);

  /**
   * Reads {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (127.0.0.1).
   *
   * @throws IllegalArgumentException saying what is wrong, for the usage message
   */
  public static ListenAddress parse(String text) {
    String t = text == null ? "" : text.trim();
    int colon = t.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' needs a port, e.g. 127.0.0.1:9464 or 0.0.0.0:9464");
    }
    String host = t.substring(0, colon);
    String portText = t.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "'" + text + "': write an IPv6 address in brackets, e.g. [::1]:9464");
    }
    if (host.isEmpty()) {
      host = DEFAULT.host();
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + portText + "' is not a port number");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
    return new ListenAddress(host, port);
  }

  /** True for 0.0.0.0 and [::]: reachable from other machines. */
  public boolean everyInterface() {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  /** The base URL for {@code port} (the one bound, when 0 was asked for). */
  public String url(int boundPort) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + boundPort;
  }
}
