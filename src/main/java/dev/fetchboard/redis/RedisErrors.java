package dev.fetchboard.redis;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import io.lettuce.core.RedisCommandExecutionException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Puts a failed Redis exchange into words: the server's own error as it wrote it ({@code WRONGTYPE
 * …}, {@code NOAUTH …}), and connection failures as "cannot connect to redis://…: connection
 * refused", never a Java class name.
 */
final class RedisErrors {
  private RedisErrors() {}

  static RunFailure describe(Throwable e, RedisSettings settings) {
    RedisCommandExecutionException server = find(e, RedisCommandExecutionException.class);
    if (server != null) {
      String words = server.getMessage() == null ? "error" : server.getMessage().strip();
      String code = words.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      ErrorKind kind =
          switch (code) {
            case "NOAUTH", "WRONGPASS", "NOPERM" -> ErrorKind.AUTH;
            case "LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN" -> ErrorKind.CONNECTION;
            default -> ErrorKind.QUERY;
          };
      boolean connecting = find(e, io.lettuce.core.RedisConnectionException.class) != null;
      return new RunFailure(
          RunError.of(kind, (connecting ? settings.describe() + ": " : "") + words), false, e);
    }
    String where = settings.describe();
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      String m = String.valueOf(tls.getMessage());
      String why =
          m.contains("PKIX") || m.contains("certification path")
              ? "the server's certificate is not signed by a CA this app trusts (set sslrootcert"
                  + " to the CA's file)"
              : m.contains("No subject alternative") || m.contains("doesn't match")
                  ? "the server's certificate is for another host name"
                  : m.contains("plaintext") || m.contains("not an SSL/TLS record")
                      ? "the server does not speak TLS on this port (use redis:// instead)"
                      : "TLS failed: " + m;
      return new RunFailure(
          RunError.of(ErrorKind.CONNECTION, "cannot connect to " + where + ": " + why), true, e);
    }
    if (find(e, UnknownHostException.class) != null) {
      return failure(ErrorKind.CONNECTION, "cannot connect to " + where + ": unknown host", e);
    }
    if (find(e, ConnectException.class) != null) {
      String m =
          String.valueOf(find(e, ConnectException.class).getMessage()).toLowerCase(Locale.ROOT);
      String why =
          m.contains("refused") ? "connection refused" : m.contains("timed out") ? "timed out" : m;
      return failure(ErrorKind.CONNECTION, "cannot connect to " + where + ": " + why, e);
    }
    if (find(e, io.netty.channel.ConnectTimeoutException.class) != null) {
      return failure(ErrorKind.TIMEOUT, "cannot connect to " + where + ": timed out", e);
    }
    if (find(e, io.lettuce.core.RedisConnectionException.class) != null
        || find(e, ClosedChannelException.class) != null) {
      return failure(ErrorKind.CONNECTION, "cannot connect to " + where, e);
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("not connected") || m.contains("Connection closed")) {
      return failure(
          ErrorKind.CONNECTION,
          "lost the connection to " + where + " (reconnecting; the next run tries again)",
          e);
    }
    return failure(ErrorKind.INTERNAL, "the Redis exchange with " + where + " failed: " + m, e);
  }

  private static RunFailure failure(ErrorKind kind, String message, Throwable cause) {
    return new RunFailure(RunError.of(kind, message), kind == ErrorKind.CONNECTION, cause);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
