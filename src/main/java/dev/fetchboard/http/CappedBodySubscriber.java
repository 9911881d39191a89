package dev.fetchboard.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Collects a response body as it arrives, without a thread hand-off, and stops the exchange as soon
 * as it grows past the cap, so a huge or endless body cannot exhaust memory. The bytes are copied
 * out of the client's buffers into one array that grows with what arrived (never with what the
 * server announced), so many small pieces hold no more than their bytes.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  /** The body went past the cap; the exchange was cancelled. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException() {
      super("response larger than the cap", null, false, false);
    }
  }

  // The largest array the JVM reliably allocates.
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
  private static final int FIRST_SIZE = 8 * 1024;

  private final long cap;
  private final LongConsumer progress;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private byte[] bytes = new byte[0];
  private Flow.Subscription subscription;
  private long received;

  CappedBodySubscriber(long cap, LongConsumer progress) {
    this.cap = Math.min(cap, MAX_ARRAY);
    this.progress = progress;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (received + n > cap) {
        subscription.cancel();
        bytes = null;
        result.completeExceptionally(new TooLargeException());
        return;
      }
      int at = (int) received;
      if (at + n > bytes.length) {
        long grown = Math.max(Math.max(FIRST_SIZE, (long) bytes.length * 2), (long) at + n);
        bytes = Arrays.copyOf(bytes, (int) Math.min(grown, cap));
      }
      b.get(bytes, at, n);
      received += n;
    }
    progress.accept(received);
  }

  @Override
  public void onError(Throwable t) {
    bytes = null;
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    byte[] out = bytes.length == received ? bytes : Arrays.copyOf(bytes, (int) received);
    bytes = null;
    result.complete(out);
  }
}
