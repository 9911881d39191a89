package dev.fetchboard.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetchboard.workspace.Workspace;
import java.util.List;
import java.util.Locale;

/**
 * A Grafana dashboard (current JSON model, importable as is) for a workspace served by {@code
 * fetchboard serve}: a state timeline of every panel's {@code up}, then one Grafana panel per
 * workspace panel — a stat of its value for value panels, a time series of its latency for the rest
 * — all over a Prometheus data source chosen with the {@code datasource} variable.
 */
public final class GrafanaDashboard {
  /** The dashboard JSON model version Grafana 11 and 12 write. */
  public static final int SCHEMA_VERSION = 41;

  static final String DATASOURCE_VARIABLE = "datasource";
  private static final String DATASOURCE_UID = "${" + DATASOURCE_VARIABLE + "}";
  private static final int WIDTH = 24;
  private static final int TILE_WIDTH = 8;
  private static final int TILE_HEIGHT = 7;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GrafanaDashboard() {}

  /** The dashboard as formatted JSON text. */
  public static String json(Workspace ws) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(of(ws));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** The dashboard for {@code ws}. */
  public static ObjectNode of(Workspace ws) {
    List<PanelLabels> panels = PanelLabels.of(ws);
    ObjectNode d = JSON.objectNode();
    d.putNull("id");
    d.put("uid", uid(ws.name()));
    d.put("title", ws.name());
    d.put(
        "description", "Panels of the Fetchboard workspace '" + ws.name() + "' (fetchboard serve)");
    d.putArray("tags").add("fetchboard");
    d.put("timezone", "browser");
    d.put("editable", true);
    d.put("graphTooltip", 1);
    d.put("schemaVersion", SCHEMA_VERSION);
    d.put("version", 1);
    d.put("refresh", "30s");
    ObjectNode time = d.putObject("time");
    time.put("from", "now-1h");
    time.put("to", "now");
    templating(d.putObject("templating").putArray("list"));
    d.putObject("annotations").putArray("list");
    ArrayNode out = d.putArray("panels");
    int id = 1;
    int upHeight = Math.max(5, Math.min(30, 3 + panels.size()));
    out.add(upTimeline(id++, upHeight));
    int y = upHeight;
    int x = 0;
    for (PanelLabels p : panels) {
      ObjectNode panel = p.valueView() ? valueStat(id++, p) : latencySeries(id++, p);
      grid(panel, x, y, TILE_WIDTH, TILE_HEIGHT);
      out.add(panel);
      x += TILE_WIDTH;
      if (x >= WIDTH) {
        x = 0;
        y += TILE_HEIGHT;
      }
    }
    return d;
  }

  private static void templating(ArrayNode list) {
    ObjectNode ds = list.addObject();
    ds.put("type", "datasource");
    ds.put("name", DATASOURCE_VARIABLE);
    ds.put("label", "Prometheus");
    ds.put("query", "prometheus");
    ds.put("refresh", 1);
    ds.put("hide", 0);
    ds.put("regex", "");
    ds.put("includeAll", false);
    ds.put("multi", false);
    ds.putObject("current");
    ds.putArray("options");

    String instances = "label_values(fetchboard_build_info, instance)";
    ObjectNode inst = list.addObject();
    inst.put("type", "query");
    inst.put("name", "instance");
    inst.put("label", "Instance");
    inst.set("datasource", datasource());
    inst.put("definition", instances);
    ObjectNode q = inst.putObject("query");
    q.put("qryType", 1);
    q.put("query", instances);
    q.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
    inst.put("refresh", 2);
    inst.put("sort", 1);
    inst.put("hide", 0);
    inst.put("regex", "");
    inst.put("includeAll", true);
    inst.put("allValue", ".*");
    inst.put("multi", true);
    inst.putObject("current");
    inst.putArray("options");
  }

  private static ObjectNode upTimeline(int id, int height) {
    ObjectNode p = panel(id, "state-timeline", "Up (last run succeeded and its checks held)");
    grid(p, 0, 0, WIDTH, height);
    target(p, "A", "max by (panel, title) (fetchboard_panel_up{instance=~\"$instance\"})")
        .put("legendFormat", "{{title}}");
    ObjectNode defaults = fieldDefaults(p);
    defaults.putObject("color").put("mode", "thresholds");
    ObjectNode mapping = defaults.putArray("mappings").addObject();
    mapping.put("type", "value");
    ObjectNode options = mapping.putObject("options");
    state(options.putObject("0"), "down", "red", 1);
    state(options.putObject("1"), "up", "green", 0);
    thresholds(defaults, "red", 1, "green");
    ObjectNode o = p.putObject("options");
    o.put("showValue", "never");
    o.put("mergeValues", true);
    o.put("rowHeight", 0.9);
    o.put("alignValue", "left");
    legend(o, false);
    return p;
  }

  private static ObjectNode valueStat(int id, PanelLabels l) {
    ObjectNode p = panel(id, "stat", l.title());
    p.put("description", "fetchboard_panel_value of panel " + l.panel());
    target(p, "A", "fetchboard_panel_value{" + selector(l) + "}")
        .put("legendFormat", "{{instance}}");
    ObjectNode defaults = fieldDefaults(p);
    defaults.putObject("color").put("mode", "thresholds");
    thresholds(defaults, "green", null, null);
    ObjectNode o = p.putObject("options");
    ObjectNode reduce = o.putObject("reduceOptions");
    reduce.putArray("calcs").add("lastNotNull");
    reduce.put("fields", "");
    reduce.put("values", false);
    o.put("colorMode", "value");
    o.put("graphMode", "area");
    o.put("justifyMode", "auto");
    o.put("textMode", "auto");
    o.put("orientation", "auto");
    return p;
  }

  private static ObjectNode latencySeries(int id, PanelLabels l) {
    ObjectNode p = panel(id, "timeseries", l.title() + " — latency");
    p.put("description", "fetchboard_panel_duration_seconds of panel " + l.panel());
    String buckets =
        "rate(fetchboard_panel_duration_seconds_bucket{" + selector(l) + "}[$__rate_interval])";
    target(p, "A", "histogram_quantile(0.5, sum by (le) (" + buckets + "))")
        .put("legendFormat", "p50");
    target(p, "B", "histogram_quantile(0.9, sum by (le) (" + buckets + "))")
        .put("legendFormat", "p90");
    ObjectNode defaults = fieldDefaults(p);
    defaults.put("unit", "s");
    defaults.put("min", 0);
    defaults.putObject("color").put("mode", "palette-classic");
    ObjectNode custom = defaults.putObject("custom");
    custom.put("drawStyle", "line");
    custom.put("lineWidth", 1);
    custom.put("fillOpacity", 10);
    custom.put("spanNulls", false);
    custom.put("showPoints", "never");
    ObjectNode o = p.putObject("options");
    legend(o, true);
    o.putObject("tooltip").put("mode", "multi").put("sort", "none");
    return p;
  }

  private static ObjectNode panel(int id, String type, String title) {
    ObjectNode p = JSON.objectNode();
    p.put("id", id);
    p.put("type", type);
    p.put("title", title);
    p.set("datasource", datasource());
    p.putArray("targets");
    ObjectNode fc = p.putObject("fieldConfig");
    fc.putObject("defaults");
    fc.putArray("overrides");
    return p;
  }

  private static ObjectNode fieldDefaults(ObjectNode panel) {
    return (ObjectNode) panel.get("fieldConfig").get("defaults");
  }

  private static ObjectNode target(ObjectNode panel, String refId, String expr) {
    ObjectNode t = ((ArrayNode) panel.get("targets")).addObject();
    t.put("refId", refId);
    t.set("datasource", datasource());
    t.put("expr", expr);
    t.put("range", true);
    t.put("instant", false);
    t.put("editorMode", "code");
    return t;
  }

  private static ObjectNode datasource() {
    ObjectNode ds = JSON.objectNode();
    ds.put("type", "prometheus");
    ds.put("uid", DATASOURCE_UID);
    return ds;
  }

  private static void grid(ObjectNode panel, int x, int y, int w, int h) {
    ObjectNode g = panel.putObject("gridPos");
    g.put("x", x);
    g.put("y", y);
    g.put("w", w);
    g.put("h", h);
  }

  private static void state(ObjectNode o, String text, String color, int index) {
    o.put("text", text);
    o.put("color", color);
    o.put("index", index);
  }

  private static void thresholds(ObjectNode defaults, String base, Integer at, String above) {
    ObjectNode t = defaults.putObject("thresholds");
    t.put("mode", "absolute");
    ArrayNode steps = t.putArray("steps");
    steps.addObject().put("color", base).putNull("value");
    if (at != null) {
      steps.addObject().put("color", above).put("value", at);
    }
  }

  private static void legend(ObjectNode options, boolean show) {
    ObjectNode l = options.putObject("legend");
    l.put("showLegend", show);
    l.put("displayMode", "list");
    l.put("placement", "bottom");
    l.putArray("calcs");
  }

  /** PromQL label matchers for one panel on the chosen instances. */
  static String selector(PanelLabels l) {
    return "panel=\"" + promqlString(l.panel()) + "\", instance=~\"$instance\"";
  }

  /** Text inside a PromQL double-quoted string. */
  static String promqlString(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** A stable uid from the workspace name (Grafana allows 40 characters). */
  static String uid(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    String uid = "fetchboard-" + (slug.isEmpty() ? "workspace" : slug);
    return uid.length() <= 40 ? uid : uid.substring(0, 40).replaceAll("-+$", "");
  }
}
