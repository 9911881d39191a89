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

  /** Opens {@code ws} in the window's model on the FX thread and waits until it is shown. */
  public static void open(dev.fetchboard.ui.model.WorkspaceViewModel model, Workspace ws) {
    WaitForAsyncUtils.asyncFx(() -> model.open(ws, null));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
