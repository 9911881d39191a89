package dev.fetchboard.ui.model;

import dev.fetchboard.engine.Outcome;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.PanelSpec;
import java.time.Instant;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of one panel as the window shows it: spec, run state, latest result and the history of
 * its last runs. Fed only by the dispatcher on the FX thread; holds no Nodes.
 */
public final class PanelViewModel {
  /** Finished runs kept in {@link #history()}; older ones are dropped. */
  public static final int HISTORY = 200;

  private final ObjectProperty<PanelSpec> spec = new SimpleObjectProperty<>();
  private final ObjectProperty<PanelState> state = new SimpleObjectProperty<>(PanelState.IDLE);
  private final StringProperty detail = new SimpleStringProperty("not run yet");
  private final ObjectProperty<TilePreview> preview = new SimpleObjectProperty<>(TilePreview.NONE);
  private final StringProperty problem = new SimpleStringProperty();
  private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
  private final ObjectProperty<ResultTable> table = new SimpleObjectProperty<>();
  private final LongProperty rowsSoFar = new SimpleLongProperty();
  private final ObjectProperty<Instant> lastRunAt = new SimpleObjectProperty<>();
  private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
  // One wrapper for everyone: it forwards changes through a weak listener, so a wrapper made per
  // call could be collected and silently stop its listeners.
  private final ObservableList<RunRecord> readOnlyHistory =
      FXCollections.unmodifiableObservableList(history);
  private long runId;
  private String specProblem;

  public PanelViewModel(PanelSpec spec) {
    this.spec.set(spec);
    // A view changed in the form shows the result already there in the new way.
    this.spec.addListener(
        (o, was, now) -> {
          if (result.get() != null && was.viewOrDefault() != now.viewOrDefault()) {
            preview.set(TilePreview.of(result.get(), now.viewOrDefault()));
          }
        });
  }

  public String id() {
    return spec.get().id();
  }

  public ObjectProperty<PanelSpec> specProperty() {
    return spec;
  }

  public PanelSpec spec() {
    return spec.get();
  }

  public ReadOnlyObjectProperty<PanelState> stateProperty() {
    return state;
  }

  public PanelState state() {
    return state.get();
  }

  /** One line under the title: "200 · 120 ms · 50 rows", "queued", "starting database…". */
  public ReadOnlyStringProperty detailProperty() {
    return detail;
  }

  /** What the tile shows of the latest result: a value, the first rows, the start of a body. */
  public ReadOnlyObjectProperty<TilePreview> previewProperty() {
    return preview;
  }

  /** The error or failed check, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem;
  }

  public ReadOnlyObjectProperty<RunResult> resultProperty() {
    return result;
  }

  /** The table filling up or filled (may be the live one of a run in progress). */
  public ReadOnlyObjectProperty<ResultTable> tableProperty() {
    return table;
  }

  /** Rows readable in {@link #tableProperty()} right now. */
  public ReadOnlyLongProperty rowsSoFarProperty() {
    return rowsSoFar;
  }

  public ReadOnlyObjectProperty<Instant> lastRunAtProperty() {
    return lastRunAt;
  }

  /** The last {@link #HISTORY} finished runs, oldest first; changes once per finished run. */
  public ObservableList<RunRecord> history() {
    return readOnlyHistory;
  }

  /**
   * What is wrong with the panel as written (it would not run), shown on its tile until a run or a
   * valid edit replaces it; null clears it.
   */
  public void specProblem(String text) {
    // Recorded before the property changes: its listeners ask hasSpecProblem().
    String previous = specProblem;
    specProblem = text;
    if (text == null && previous != null && previous.equals(problem.get())) {
      problem.set(null);
    } else if (text != null) {
      problem.set(text);
    }
  }

  /** True while the panel as written has a problem found when its file was opened. */
  public boolean hasSpecProblem() {
    return specProblem != null;
  }

  /** A run was accepted and waits (for a slot, or for what {@code waitingFor} says). */
  public void queued(long id, String waitingFor) {
    if (id < runId) {
      return;
    }
    runId = id;
    state.set(PanelState.QUEUED);
    detail.set(waitingFor == null ? "queued" : waitingFor);
  }

  public void started(long id) {
    if (id < runId) {
      return;
    }
    runId = id;
    state.set(PanelState.RUNNING);
    detail.set("running…");
  }

  public void progress(long id, long bytes, long rows, ResultTable liveTable) {
    if (id < runId) {
      return;
    }
    runId = id;
    state.set(PanelState.RUNNING);
    if (liveTable != null) {
      table.set(liveTable);
      rowsSoFar.set(rows);
      detail.set(String.format("running… %,d rows", rows));
    } else if (bytes > 0) {
      detail.set("running… " + ByteSize.human(bytes));
    }
  }

  public void finished(RunResult r) {
    if (r.runId() < runId) {
      return;
    }
    runId = r.runId();
    result.set(r);
    state.set(stateOf(r.outcome()));
    lastRunAt.set(Instant.now());
    problem.set(r.problem());
    if (r.table() != null) {
      table.set(r.table());
      rowsSoFar.set(r.rowCount());
    } else {
      table.set(null);
      rowsSoFar.set(0);
    }
    detail.set(detailOf(r));
    preview.set(TilePreview.of(r, spec.get().viewOrDefault()));
    remember(RunRecord.of(r, lastRunAt.get()));
  }

  private void remember(RunRecord run) {
    if (history.size() < HISTORY) {
      history.add(run);
      return;
    }
    // One change event per run, also once the history is full.
    var next = new java.util.ArrayList<RunRecord>(HISTORY);
    next.addAll(history.subList(history.size() - HISTORY + 1, history.size()));
    next.add(run);
    history.setAll(next);
  }

  private static PanelState stateOf(Outcome o) {
    return switch (o) {
      case OK -> PanelState.OK;
      case CHECK_FAILED -> PanelState.CHECK_FAILED;
      case FAILED -> PanelState.FAILED;
      case CANCELLED -> PanelState.CANCELLED;
    };
  }

  private static String detailOf(RunResult r) {
    var sb = new StringBuilder();
    if (RunFacts.status(r) != null) {
      sb.append(RunFacts.status(r)).append(" · ");
    }
    sb.append(Durations.human(r.elapsed()));
    if (r.table() != null) {
      sb.append(String.format(r.rowCount() == 1 ? " · %,d row" : " · %,d rows", r.rowCount()));
    }
    if (RunFacts.changedRows(r) != null) {
      sb.append(String.format(" · %,d changed", RunFacts.changedRows(r)));
    }
    return sb.toString();
  }
}
