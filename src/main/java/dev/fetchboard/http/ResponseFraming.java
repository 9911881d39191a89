package dev.fetchboard.http;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the framing headers of a response before its body is read, where java.net.http is more
 * lenient than RFC 9112 §6.3 allows a client to be: a Content-Length that is not a plain number or
 * disagrees with another, Content-Length beside Transfer-Encoding, a transfer coding other than
 * chunked, a status outside 100-599. Such a response is discarded and its connection closed.
 */
final class ResponseFraming {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private ResponseFraming() {}

  /** A response refused before its body was read; the message is the whole sentence. */
  static final class Refused extends RuntimeException {
    private final dev.fetchboard.engine.ErrorKind kind;

    Refused(dev.fetchboard.engine.ErrorKind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }

    dev.fetchboard.engine.ErrorKind kind() {
      return kind;
    }
  }

  /** A body subscriber that reads nothing: cancelling closes the connection, never pooled. */
  static java.net.http.HttpResponse.BodySubscriber<byte[]> refuse(RuntimeException failure) {
    var result = new java.util.concurrent.CompletableFuture<byte[]>();
    return new java.net.http.HttpResponse.BodySubscriber<>() {
      @Override
      public java.util.concurrent.CompletionStage<byte[]> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
        s.cancel();
        result.completeExceptionally(failure);
      }

      @Override
      public void onNext(List<java.nio.ByteBuffer> items) {}

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        result.completeExceptionally(failure);
      }
    };
  }

  /** Why the response cannot be trusted, as the end of a sentence, or null when it is fine. */
  static String problem(int status, HttpHeaders headers) {
    if (status < 100 || status > 599) {
      return "a bad status line (status " + status + " is not an HTTP status)";
    }
    List<String> lengths = headers.allValues("content-length");
    List<String> codings = headers.allValues("transfer-encoding");
    if (!codings.isEmpty()) {
      if (!lengths.isEmpty()) {
        return "both Content-Length and Transfer-Encoding, which can make one response read as"
            + " two";
      }
      String joined = String.join(",", codings).strip().toLowerCase(Locale.ROOT);
      if (!joined.equals("chunked")) {
        return "a Transfer-Encoding Fetchboard does not read (" + shorten(joined) + ")";
      }
    }
    String first = null;
    for (String length : lengths) {
      String v = length.strip();
      if (!DIGITS.matcher(v).matches()) {
        return "an invalid Content-Length (" + shorten(v) + ")";
      }
      if (first != null && !first.equals(v)) {
        return "conflicting Content-Length headers (" + first + " and " + v + ")";
      }
      first = v;
    }
    return null;
  }

  /** The announced body length, or -1 when none is announced. Only after {@link #problem}. */
  static long announcedLength(HttpHeaders headers) {
    var v = headers.firstValue("content-length");
    return v.isEmpty() ? -1 : Long.parseLong(v.get().strip());
  }

  private static String shorten(String s) {
    String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
