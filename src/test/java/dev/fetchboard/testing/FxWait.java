package dev.fetchboard.testing;

import dev.fetchboard.workspace.Workspace;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in window tests for something the FX thread or a worker does, with a readable failure.
 */
public final class FxWait {
  private FxWait() {}

  /** Polls {@code condition} for up to 20 s; fails with "timed out waiting until {what}". */
  public static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  /**
   * Polls {@code condition} on the FX thread for up to 20 s, for state the FX thread changes (a
   * list it refills, a model it updates), which a test thread must not read while it changes.
   */
  public static void waitUntilOnFx(String what, Callable<Boolean> condition) throws Exception {
    waitUntil(what, () -> onFx(condition));
  }

  /** {@code work}'s value, computed on the FX thread. */
  public static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
  }

  /** Opens {@code ws} in the window's model on the FX thread and waits until it is shown. */
  public static void open(dev.fetchboard.ui.model.WorkspaceViewModel model, Workspace ws) {
    WaitForAsyncUtils.asyncFx(() -> model.open(ws, null));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
