package dev.fetchboard.ui.dashboard;

import dev.fetchboard.ui.model.PanelState;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.ViewKind;
import java.time.Duration;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One panel on the dashboard: title, kind, state, latency, a compact result and a sparkline. */
public final class TileView extends VBox {
  static final String STYLE = "tile";

  private final PanelViewModel vm;
  private final Label title = new Label();
  private final FontIcon kind = new FontIcon();
  private final Label state = new Label();
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label detail = new Label();
  private final Label value = new Label();
  private final Label problem = new Label();
  private final Label age = new Label();
  private final Sparkline sparkline = new Sparkline(110, 22);

  public TileView(PanelViewModel vm) {
    this.vm = vm;
    getStyleClass().add(STYLE);
    setSpacing(6);
    setPrefWidth(DashboardView.MIN_TILE_WIDTH);
    setMinHeight(150);
    spinner.setPrefSize(14, 14);
    spinner.setMaxSize(14, 14);
    title.getStyleClass().add("tile-title");
    title.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(title, Priority.ALWAYS);
    state.getStyleClass().add("tile-state");
    state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    var header = new HBox(6, kind, title, spinner, state);
    header.setAlignment(Pos.CENTER_LEFT);
    detail.getStyleClass().add("tile-detail");
    value.getStyleClass().add("tile-value");
    value.setWrapText(true);
    problem.getStyleClass().add("tile-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.visibleProperty());
    age.getStyleClass().add("tile-age");
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var footer = new HBox(6, age, spacer, sparkline);
    footer.setAlignment(Pos.CENTER_LEFT);
    var grow = new Region();
    VBox.setVgrow(grow, Priority.ALWAYS);
    getChildren().addAll(header, detail, value, problem, grow, footer);

    vm.specProperty().addListener((o, a, b) -> showSpec(b));
    vm.stateProperty().addListener((o, a, b) -> showState(a, b));
    detail.textProperty().bind(vm.detailProperty());
    value.textProperty().bind(vm.valueTextProperty());
    problem.textProperty().bind(vm.problemProperty());
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    vm.latencies().addListener((ListChangeListener<Double>) c -> sparkline.draw(vm.latencies()));
    showSpec(vm.spec());
    showState(null, vm.state());
  }

  public PanelViewModel viewModel() {
    return vm;
  }

  /** Refreshes "time since last run"; called about once a second. */
  void tick(Instant now) {
    Instant last = vm.lastRunAtProperty().get();
    if (last == null) {
      age.setText("");
      return;
    }
    long s = Duration.between(last, now).toSeconds();
    age.setText(s < 60 ? s + " s ago" : s / 60 + " min ago");
  }

  private void showSpec(PanelSpec spec) {
    title.setText(spec.displayTitle());
    kind.setIconCode(spec.sql() != null ? Feather.DATABASE : Feather.GLOBE);
    value.getStyleClass().remove("tile-value-large");
    if (spec.viewOrDefault() == ViewKind.VALUE) {
      value.getStyleClass().add("tile-value-large");
    }
  }

  private void showState(PanelState old, PanelState now) {
    if (old != null) {
      getStyleClass().remove(old.styleClass());
    }
    getStyleClass().add(now.styleClass());
    state.setText(now.label());
    boolean busy = now == PanelState.RUNNING || now == PanelState.QUEUED;
    spinner.setVisible(busy);
    spinner.setManaged(busy);
  }
}
