package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;

/**
 * One thing to run and show: exactly one of {@code http} or {@code sql}, how to view its result,
 * how often to refresh it and which checks must hold. Immutable; editors make changed copies.
 *
 * @param rows JSONPath selecting the array that becomes table rows (HTTP only)
 * @param value JSONPath selecting the single value for a value view (HTTP only); SQL uses the first
 *     column of the first row
 * @param refresh auto-refresh interval, or null for manual runs only
 * @param chart the columns and type the Chart tab and a chart tile plot, or null for defaults
 */
@JsonPropertyOrder({
  "id", "title", "http", "sql", "view", "rows", "value", "chart", "refresh", "checks"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PanelSpec(
    String id,
    String title,
    HttpRequestSpec http,
    SqlQuerySpec sql,
    ViewKind view,
    String rows,
    String value,
    ChartSpec chart,
    Duration refresh,
    List<Check> checks) {

  public PanelSpec {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A panel without a saved chart choice. */
  public PanelSpec(
      String id,
      String title,
      HttpRequestSpec http,
      SqlQuerySpec sql,
      ViewKind view,
      String rows,
      String value,
      Duration refresh,
      List<Check> checks) {
    this(id, title, http, sql, view, rows, value, null, refresh, checks);
  }

  public static PanelSpec http(String id, String title, HttpRequestSpec http) {
    return new PanelSpec(id, title, http, null, ViewKind.TABLE, null, null, null, null, null);
  }

  public static PanelSpec sql(String id, String title, SqlQuerySpec sql) {
    return new PanelSpec(id, title, null, sql, ViewKind.TABLE, null, null, null, null, null);
  }

  /** The source this panel runs, or null when the file declared neither (a validation error). */
  @JsonIgnore
  public SourceSpec source() {
    return http != null ? http : sql;
  }

  /** The title to show: the title, or the id when no title was given. */
  @JsonIgnore
  public String displayTitle() {
    return title == null || title.isBlank() ? id : title;
  }

  /** The view, defaulting to a table. */
  @JsonIgnore
  public ViewKind viewOrDefault() {
    return view == null ? ViewKind.TABLE : view;
  }

  public PanelSpec withId(String newId) {
    return new PanelSpec(newId, title, http, sql, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withTitle(String newTitle) {
    return new PanelSpec(id, newTitle, http, sql, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withHttp(HttpRequestSpec newHttp) {
    return new PanelSpec(id, title, newHttp, null, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withSql(SqlQuerySpec newSql) {
    return new PanelSpec(id, title, null, newSql, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withView(ViewKind newView) {
    return new PanelSpec(id, title, http, sql, newView, rows, value, chart, refresh, checks);
  }

  public PanelSpec withRows(String newRows) {
    return new PanelSpec(id, title, http, sql, view, newRows, value, chart, refresh, checks);
  }

  public PanelSpec withValue(String newValue) {
    return new PanelSpec(id, title, http, sql, view, rows, newValue, chart, refresh, checks);
  }

  public PanelSpec withRefresh(Duration newRefresh) {
    return new PanelSpec(id, title, http, sql, view, rows, value, chart, newRefresh, checks);
  }

  public PanelSpec withChart(ChartSpec newChart) {
    return new PanelSpec(id, title, http, sql, view, rows, value, newChart, refresh, checks);
  }

  public PanelSpec withChecks(List<Check> newChecks) {
    return new PanelSpec(id, title, http, sql, view, rows, value, chart, refresh, newChecks);
  }
}
