package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to run and show: its source (an HTTP request or a SQL query), how to view its result,
 * how often to refresh it and which checks must hold. Immutable; editors make changed copies.
 *
 * <p>In YAML the source is written under its kind's key ({@code http:} or {@code sql:}), exactly
 * one per panel; code that handles every kind switches over {@link #source()}.
 *
 * @param source what the panel runs; null only for a panel read from a file that declared none (the
 *     validator reports it, nothing runs it)
 * @param rows JSONPath selecting the array that becomes table rows (HTTP only)
 * @param value JSONPath selecting the single value for a value view (HTTP only); SQL uses the first
 *     column of the first row
 * @param refresh auto-refresh interval, or null for manual runs only
 * @param chart the columns and type the Chart tab and a chart tile plot, or null for defaults
 */
@JsonPropertyOrder({
  "id", "title", "http", "sql", "redis", "view", "rows", "value", "chart", "refresh", "checks"
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Only the keys named here are YAML: "source" is no key (it is written under its kind's key).
@JsonAutoDetect(
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    fieldVisibility = Visibility.NONE)
public record PanelSpec(
    @JsonProperty("id") String id,
    @JsonProperty("title") String title,
    SourceSpec source,
    @JsonProperty("view") ViewKind view,
    @JsonProperty("rows") String rows,
    @JsonProperty("value") String value,
    @JsonProperty("chart") ChartSpec chart,
    @JsonProperty("refresh") Duration refresh,
    @JsonProperty("checks") List<Check> checks) {

  public PanelSpec {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A panel without a saved chart choice. */
  public PanelSpec(
      String id,
      String title,
      SourceSpec source,
      ViewKind view,
      String rows,
      String value,
      Duration refresh,
      List<Check> checks) {
    this(id, title, source, view, rows, value, null, refresh, checks);
  }

  /**
   * Binds a panel from its YAML keys: one source key per kind. A third kind adds its key here, in
   * {@link #sourceKeys} and as a getter below.
   */
  @JsonCreator
  static PanelSpec fromYaml(
      @JsonProperty("id") String id,
      @JsonProperty("title") String title,
      @JsonProperty("http") HttpRequestSpec http,
      @JsonProperty("sql") SqlQuerySpec sql,
      @JsonProperty("redis") RedisCommandSpec redis,
      @JsonProperty("view") ViewKind view,
      @JsonProperty("rows") String rows,
      @JsonProperty("value") String value,
      @JsonProperty("chart") ChartSpec chart,
      @JsonProperty("refresh") Duration refresh,
      @JsonProperty("checks") List<Check> checks) {
    List<SourceSpec> declared = sourceKeys(http, sql, redis);
    if (declared.size() > 1) {
      throw new IllegalArgumentException(
          redis == null
              ? "a panel has either http: or sql:, not both"
              : "a panel has one of http:, sql: or redis:, not several");
    }
    SourceSpec source = declared.isEmpty() ? null : declared.getFirst();
    return new PanelSpec(id, title, source, view, rows, value, chart, refresh, checks);
  }

  private static List<SourceSpec> sourceKeys(SourceSpec... specs) {
    return Arrays.stream(specs).filter(Objects::nonNull).toList();
  }

  @JsonProperty("http")
  private HttpRequestSpec yamlHttp() {
    return asHttp().orElse(null);
  }

  @JsonProperty("sql")
  private SqlQuerySpec yamlSql() {
    return asSql().orElse(null);
  }

  @JsonProperty("redis")
  private RedisCommandSpec yamlRedis() {
    return source instanceof RedisCommandSpec r ? r : null;
  }

  /** A panel of any kind with the default view. */
  public static PanelSpec of(String id, String title, SourceSpec source) {
    return new PanelSpec(id, title, source, ViewKind.TABLE, null, null, null, null, null);
  }

  public static PanelSpec http(String id, String title, HttpRequestSpec http) {
    return of(id, title, http);
  }

  public static PanelSpec sql(String id, String title, SqlQuerySpec sql) {
    return of(id, title, sql);
  }

  /**
   * The HTTP request, when this is an HTTP panel: for code that deals with one kind only
   * (importers, exporters); code that handles every kind switches over {@link #source()}.
   */
  @JsonIgnore
  public Optional<HttpRequestSpec> asHttp() {
    return source instanceof HttpRequestSpec h ? Optional.of(h) : Optional.empty();
  }

  /** The SQL query, when this is a SQL panel; see {@link #asHttp()}. */
  @JsonIgnore
  public Optional<SqlQuerySpec> asSql() {
    return source instanceof SqlQuerySpec s ? Optional.of(s) : Optional.empty();
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
    return new PanelSpec(newId, title, source, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withTitle(String newTitle) {
    return new PanelSpec(id, newTitle, source, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withSource(SourceSpec newSource) {
    return new PanelSpec(id, title, newSource, view, rows, value, chart, refresh, checks);
  }

  public PanelSpec withView(ViewKind newView) {
    return new PanelSpec(id, title, source, newView, rows, value, chart, refresh, checks);
  }

  public PanelSpec withRows(String newRows) {
    return new PanelSpec(id, title, source, view, newRows, value, chart, refresh, checks);
  }

  public PanelSpec withValue(String newValue) {
    return new PanelSpec(id, title, source, view, rows, newValue, chart, refresh, checks);
  }

  public PanelSpec withRefresh(Duration newRefresh) {
    return new PanelSpec(id, title, source, view, rows, value, chart, newRefresh, checks);
  }

  public PanelSpec withChart(ChartSpec newChart) {
    return new PanelSpec(id, title, source, view, rows, value, newChart, refresh, checks);
  }

  public PanelSpec withChecks(List<Check> newChecks) {
    return new PanelSpec(id, title, source, view, rows, value, chart, refresh, newChecks);
  }
}
