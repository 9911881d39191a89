package dev.fetchboard.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The runs started together by one {@link Engine#run} call: await them or cancel them. */
public final class RunBatch {
  private final List<Engine.ActiveRun> runs;
  private final CompletableFuture<List<RunResult>> all;

  RunBatch(List<Engine.ActiveRun> runs) {
    this.runs = List.copyOf(runs);
    this.all =
        CompletableFuture.allOf(runs.stream().map(r -> r.future).toArray(CompletableFuture[]::new))
            .thenApply(v -> runs.stream().map(r -> r.future.join()).toList());
  }

  /**
   * Completes with every result, in the order the panels were given. Never completes exceptionally.
   */
  public CompletableFuture<List<RunResult>> results() {
    return all;
  }

  /** Waits for every result. */
  public List<RunResult> await() throws InterruptedException {
    try {
      return all.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed outside its own error handling", e.getCause());
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
