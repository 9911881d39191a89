package dev.fetchboard.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Collects a response body as it arrives, without a thread hand-off, and stops the exchange as soon
 * as it grows past the cap, so a huge or endless body cannot exhaust memory.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  /** The body went past the cap; the exchange was cancelled. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException() {
      super("response larger than the cap", null, false, false);
    }
  }

  private final long cap;
  private final LongConsumer progress;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();
  private Flow.Subscription subscription;
  private long received;

  CappedBodySubscriber(long cap, LongConsumer progress) {
    this.cap = cap;
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
      received += b.remaining();
      if (received > cap) {
        subscription.cancel();
        buffers.clear();
        result.completeExceptionally(new TooLargeException());
        return;
      }
      buffers.add(b);
    }
    progress.accept(received);
  }

  @Override
  public void onError(Throwable t) {
    buffers.clear();
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    byte[] out = new byte[(int) received];
    int at = 0;
    for (ByteBuffer b : buffers) {
      int n = b.remaining();
      b.get(out, at, n);
      at += n;
    }
    buffers.clear();
    result.complete(out);
  }
}
