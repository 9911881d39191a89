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
    if (e instanceof ResponseFraming.Refused refused) {
      return failure(refused.kind(), refused.getMessage(), e, false);
    }
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
    if (message.contains("header") && (message.contains("too large") || message.contains("size"))) {
      return failure(
          ErrorKind.PROTOCOL, "the response headers from " + target + " are too large", e, false);
    }
    if (message.contains("status line")) {
      return failure(
          ErrorKind.PROTOCOL,
          "the server at "
              + target
              + " sent a bad status line ("
              + plain(e.getMessage()).replaceFirst("(?i)^invalid status line:\\s*", "")
              + "); the response was discarded",
          e,
          false);
    }
    if (message.contains("unexpected 101")) {
      return failure(
          ErrorKind.PROTOCOL,
          "the server at "
              + target
              + " answered 101 (switching protocols) to a request that asked for no switch; the"
              + " response was discarded",
          e,
          false);
    }
    var announced = ANNOUNCED.matcher(String.valueOf(e.getMessage()));
    if (announced.find()) {
      return failure(
          ErrorKind.CONNECTION,
          "the server at "
              + target
              + " closed the connection before the response was complete ("
              + announced.group(2)
              + " of the "
              + announced.group(1)
              + " bytes it announced arrived)",
          e,
          idempotent);
    }
    if (e instanceof java.net.ProtocolException
        || root instanceof java.net.ProtocolException
        || message.contains("chunk")) {
      return failure(
          ErrorKind.PROTOCOL,
          "the server at "
              + target
              + " sent a malformed response ("
              + plain(e.getMessage())
              + "); it was discarded",
          e,
          false);
    }
    if (e instanceof RuntimeException) {
      // java.net.http lets some unreadable headers through as unchecked exceptions (a
      // Content-Length of "5, 5" fails as a NumberFormatException while headers are read).
      return failure(
          ErrorKind.PROTOCOL,
          "the server at "
              + target
              + " sent a response whose headers cannot be read ("
              + plain(e.getMessage())
              + "); it was discarded",
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
    if (e instanceof IOException) {
      return failure(
          ErrorKind.PROTOCOL,
          "the exchange with " + target + " failed: " + plain(e.getMessage()),
          e,
          false);
    }
    return failure(
        ErrorKind.INTERNAL,
        "the exchange with " + target + " failed unexpectedly (details show what happened)",
        e,
        false);
  }

  /** A body whose Content-Encoding does not match its bytes (corrupt or truncated gzip). */
  static RunFailure undecodable(String encoding, URI uri, Throwable e) {
    return failure(
        ErrorKind.PROTOCOL,
        "the body from "
            + hostPort(uri)
            + " is marked Content-Encoding: "
            + plain(encoding)
            + " but is not valid "
            + (encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip") ? "gzip" : "deflate")
            + " data (corrupt or cut short)",
        e,
        false);
  }

  private static final java.util.regex.Pattern ANNOUNCED =
      java.util.regex.Pattern.compile("fixed content-length: (\\d+), bytes received: (\\d+)");

  /** A library's message without class names or control characters, for a sentence. */
  private static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "no detail given";
    }
    String m =
        message
            .replaceAll("\\b(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error)\\b:?\\s*", "")
            .replaceAll("\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b:?\\s*", "")
            .replaceAll("\\p{Cntrl}", "?")
            .strip();
    if (m.length() > 160) {
      m = m.substring(0, 160) + "…";
    }
    return m.isEmpty() ? "no detail given" : m;
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
