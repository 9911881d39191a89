package dev.fetchboard.serve;

import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labels serve puts on a panel's series, read from the workspace only (never from response
 * data, so the number of series is bounded by the file): its id, title and kind. The one place
 * serve reads a {@link PanelSpec}.
 *
 * @param kind http, sql, or the source's own name for newer kinds
 * @param valueView true when the panel shows a single value (a stat in Grafana)
 */
public record PanelLabels(String panel, String title, String kind, boolean valueView) {
  /** Label values longer than this are cut: a title is for people, not for storage. */
  static final int MAX_LABEL_CHARS = 200;

  /** The labels of {@code p}. */
  public static PanelLabels of(PanelSpec p) {
    return new PanelLabels(
        p.id(), cut(p.displayTitle()), kind(p), p.viewOrDefault() == ViewKind.VALUE);
  }

  /** The labels of every panel of {@code ws}, in its order. */
  public static List<PanelLabels> of(Workspace ws) {
    var out = new ArrayList<PanelLabels>(ws.panels().size());
    for (PanelSpec p : ws.panels()) {
      out.add(of(p));
    }
    return out;
  }

  static String cut(String label) {
    if (label == null) {
      return "";
    }
    return label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS) + "…";
  }

  private static String kind(PanelSpec p) {
    Object source = p.source();
    if (source instanceof HttpRequestSpec) {
      return "http";
    }
    if (source instanceof SqlQuerySpec) {
      return "sql";
    }
    if (source == null) {
      return "none";
    }
    // A kind added later (redis…) is named after its spec type: HttpRequestSpec → http.
    String name = source.getClass().getSimpleName().replaceAll("(Request|Query|Command)?Spec$", "");
    return name.toLowerCase(Locale.ROOT);
  }
}
