package dev.fetchboard.http;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Puts HTTP client exceptions into words a person can act on. */
final class HttpErrors {
  private HttpErrors() {}

  static RunFailure describe(Throwable e, URI uri, boolean idempotent) {
    String target = hostPort(uri);
    Throwable root = root(e);
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
      return failure(ErrorKind.CONNECTION, "cannot resolve host '" + uri.getHost() + "'", e, false);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return failure(ErrorKind.TIMEOUT, "timed out connecting to " + target, e, idempotent);
    }
    if (e instanceof HttpTimeoutException) {
      return failure(
          ErrorKind.TIMEOUT, "timed out waiting for the response from " + target, e, false);
    }
    if (e instanceof ConnectException || root instanceof ConnectException) {
      String why =
          root.getMessage() == null ? "" : root.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (why.contains("refused") || why.isEmpty()) {
        return failure(ErrorKind.CONNECTION, "connection refused by " + target, e, idempotent);
      }
      return failure(
          ErrorKind.CONNECTION,
          "cannot connect to " + target + ": " + root.getMessage(),
          e,
          idempotent);
    }
    if (root instanceof SSLHandshakeException || e instanceof SSLHandshakeException) {
      String detail = root.getMessage() == null ? "" : root.getMessage();
      String hint =
          detail.contains("PKIX") || detail.contains("certification path")
              ? "the server's certificate is not trusted (self-signed or unknown issuer; set insecure: true to skip the check)"
              : detail;
      return failure(
          ErrorKind.CONNECTION, "TLS handshake with " + target + " failed: " + hint, e, false);
    }
    if (root instanceof SSLException) {
      return failure(
          ErrorKind.CONNECTION, "TLS error with " + target + ": " + root.getMessage(), e, false);
    }
    if (message.contains("too many redirects")) {
      return failure(
          ErrorKind.PROTOCOL,
          "too many redirects from " + target + " (a redirect loop?)",
          e,
          false);
    }
    if (root instanceof EOFException
        || message.contains("closed")
        || message.contains("no bytes")
        || message.contains("reset")) {
      return failure(
          ErrorKind.CONNECTION,
          "the server at " + target + " closed the connection before the response was complete",
          e,
          idempotent);
    }
    if (message.contains("header") && (message.contains("too large") || message.contains("size"))) {
      return failure(
          ErrorKind.PROTOCOL, "the response headers from " + target + " are too large", e, false);
    }
    if (e instanceof IOException) {
      return failure(
          ErrorKind.PROTOCOL, "HTTP error with " + target + ": " + e.getMessage(), e, false);
    }
    return failure(ErrorKind.INTERNAL, "unexpected error: " + e, e, false);
  }

  static String hostPort(URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getHost() + ":" + port;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static RunFailure failure(
      ErrorKind kind, String message, Throwable e, boolean retryable) {
    return new RunFailure(new RunError(kind, message, String.valueOf(e)), retryable, e);
  }
}
