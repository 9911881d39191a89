package dev.fetchboard.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The runs started together by one {@link Engine#run} call: await them or cancel them. */
public final class RunBatch {
  private final List<Engine.ActiveRun> runs;
  private final AtomicReferenceArray<CompletableFuture<RunResult>> pending;

  RunBatch(List<Engine.ActiveRun> runs) {
    this.runs = List.copyOf(runs);
    this.pending = new AtomicReferenceArray<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      pending.set(i, runs.get(i).future);
    }
  }

  /** How many runs this batch started. */
  public int size() {
    return runs.size();
  }

  /**
   * Completes with every result, in the order the panels were given. Never completes exceptionally.
   */
  public CompletableFuture<List<RunResult>> results() {
    return CompletableFuture.allOf(
            runs.stream().map(r -> r.future).toArray(CompletableFuture[]::new))
        .thenApply(v -> runs.stream().map(r -> r.future.join()).toList());
  }

  /** Waits for every result. */
  public List<RunResult> await() throws InterruptedException {
    try {
      return results().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed outside its own error handling", e.getCause());
    }
  }

  /**
   * Waits for the result of run {@code index} and lets the batch forget it, so a caller that
   * handles results one by one (printing, exporting) never holds them all in memory. Each index can
   * be taken once; use either this or {@link #results()}.
   */
  public RunResult take(int index) throws InterruptedException {
    CompletableFuture<RunResult> f = pending.getAndSet(index, null);
    if (f == null) {
      throw new IllegalStateException("result " + index + " was already taken");
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed outside its own error handling", e.getCause());
    } finally {
      runs.get(index).forget();
    }
  }

  /** Run ids in the order the panels were given. */
  public List<Long> runIds() {
    return runs.stream().map(r -> r.id).toList();
  }

  /** Cancels every run of this batch that has not finished. */
  public void cancel() {
    runs.forEach(r -> r.cancellation.cancel(Cancellation.Reason.USER));
  }
}
