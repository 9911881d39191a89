package dev.fetchboard.testing;

import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Small builders and recorders for engine tests. */
public final class Panels {
  private Panels() {}

  public static PanelSpec get(String id, String url) {
    return PanelSpec.http(id, id, HttpRequestSpec.get(url));
  }

  /** Collects events from worker threads. */
  public static final class Recorder implements Consumer<RunEvent> {
    public final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(RunEvent e) {
      events.add(e);
    }
  }
}
