package dev.fetchboard.ui.editor;

import dev.fetchboard.interop.CurlParser;
import dev.fetchboard.interop.CurlWriter;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The HTTP request of a panel: method and URL, the query parameters (a table kept in step with the
 * URL's query string both ways), headers, body, auth, timeout, redirects and the JSONPaths.
 */
final class HttpForm implements SourceForm {
  private final FieldErrors errors;
  private final Runnable onChange;
  private final Consumer<String> onCurl;
  private final Supplier<PanelSpec> built;

  private final ComboBox<String> method = new ComboBox<>();
  private final TextField url = new TextField();
  // Not masked: the URL field beside it shows the same values.
  private final KeyValueTable query =
      new KeyValueTable("name", "value (${variables} allowed)", name -> false);
  private final KeyValueTable headers =
      new KeyValueTable("Header-Name", "value, secrets as ${env:NAME}", FormValues::secretName);
  private final BodyFields body;
  private final AuthFields auth;
  private final TextField timeout = new TextField();
  private final CheckBox followRedirects = new CheckBox("follow redirects");
  private final CheckBox insecure = new CheckBox("skip certificate checks (insecure)");
  private final TextField rowsPath = new TextField();
  private final TextField valuePath = new TextField();
  private final Button copyCurl = new Button("Copy as cURL");
  private HttpRequestSpec loaded;
  private boolean syncing;

  /**
   * @param onCurl called with a cURL command pasted into the URL field
   * @param built the panel as the form last built it (null while the form has problems)
   */
  HttpForm(
      FieldErrors errors, Runnable onChange, Consumer<String> onCurl, Supplier<PanelSpec> built) {
    this.errors = errors;
    this.onChange = onChange;
    this.onCurl = onCurl;
    this.built = built;
    this.body = new BodyFields(onChange);
    this.auth = new AuthFields(onChange);
    method.getItems().setAll("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    method.setEditable(true);
    // An editable combo box is as wide as a text field by default; a method name needs far less.
    method.setPrefWidth(110);
    method.setMinWidth(110);
    method.setId("method");
    url.setId("url");
    url.setPromptText("https://api.example.com/orders   (${variables} allowed)");
    query.setId("query-params");
    headers.setId("headers");
    timeout.setPromptText("30s");
    rowsPath.setPromptText("$.items");
    valuePath.setPromptText("$.count");
    copyCurl.setId("copy-curl");
    copyCurl.setOnAction(e -> copyAsCurl());
    url.textProperty().addListener((o, a, text) -> urlEdited(text));
    query.onEdit(this::queryEdited);
    headers.onEdit(onChange);
    for (var field : List.of(timeout, rowsPath, valuePath, method.getEditor())) {
      field.textProperty().addListener((o, a, b) -> onChange.run());
    }
    method.valueProperty().addListener((o, a, b) -> onChange.run());
    followRedirects.selectedProperty().addListener((o, a, b) -> onChange.run());
    insecure.setId("insecure");
    insecure.getStyleClass().add("insecure-tls");
    insecure.setTooltip(
        new javafx.scene.control.Tooltip(
            "Accept any TLS certificate (self-signed, expired, another host's). Only for servers"
                + " you trust on a network you trust; the tile shows an open lock."));
    insecure.selectedProperty().addListener((o, a, b) -> onChange.run());
  }

  @Override
  public void load(PanelSpec panel) {
    HttpRequestSpec h = panel.asHttp().orElseThrow();
    loaded = h;
    syncing = true;
    try {
      method.setValue(h.method());
      method.getEditor().setText(h.method());
      String base = FormValues.orEmpty(h.url());
      var params = new ArrayList<>(QueryString.params(base));
      h.query().forEach((k, v) -> params.add(new QueryString.Param(k, FormValues.orEmpty(v))));
      url.setText(QueryString.join(QueryString.base(base), params));
      query.setEntries(entries(params));
      var headerRows = new ArrayList<KeyValueTable.Entry>();
      h.headers().forEach((k, v) -> headerRows.add(new KeyValueTable.Entry(k, v)));
      headers.setEntries(headerRows);
      query.conceal();
      headers.conceal();
      body.load(h.body());
      auth.load(h.auth());
      timeout.setText(FormValues.format(h.timeout()));
      followRedirects.setSelected(h.followRedirectsOrDefault());
      insecure.setSelected(Boolean.TRUE.equals(h.insecure()));
      rowsPath.setText(FormValues.orEmpty(panel.rows()));
      valuePath.setText(FormValues.orEmpty(panel.value()));
    } finally {
      syncing = false;
    }
  }

  @Override
  public int layout(GridPane grid, int row) {
    var line = new HBox(6, method, url);
    HBox.setHgrow(url, Priority.ALWAYS);
    row =
        FormValues.add(
            grid,
            row,
            "Request",
            line,
            errors.label("http.url", url),
            errors.label("http.method", method));
    row = FormValues.add(grid, row, "Query", query, errors.label("http.query"));
    row = FormValues.add(grid, row, "Headers", headers, errors.label("http.headers"));
    row = FormValues.add(grid, row, "Body", body, errors.label("http.body"));
    row = FormValues.add(grid, row, "Auth", auth, errors.label("http.auth"));
    row =
        FormValues.add(
            grid,
            row,
            "Timeout",
            new HBox(12, timeout, followRedirects),
            errors.label("http.timeout", timeout));
    row = FormValues.add(grid, row, "TLS", insecure);
    row = FormValues.add(grid, row, "Rows (JSONPath)", rowsPath, errors.label("rows", rowsPath));
    return FormValues.add(
        grid, row, "Value (JSONPath)", valuePath, errors.label("value", valuePath));
  }

  @Override
  public PanelSpec build(PanelSpec common, List<Problem> problems) {
    String m = method.getEditor().getText();
    if (m == null || m.isBlank()) {
      m = method.getValue();
    }
    String typed = url.getText().strip();
    var h =
        new HttpRequestSpec(
            m,
            QueryString.requestBase(typed),
            queryMap(QueryString.params(typed), problems),
            headerMap(problems),
            body.build(problems),
            auth.build(),
            FormValues.duration(timeout.getText(), "http.timeout", problems),
            followRedirects.isSelected() ? null : Boolean.FALSE,
            loaded.retries(),
            loaded.maxBytes(),
            insecure.isSelected()
                ? Boolean.TRUE
                : Boolean.FALSE.equals(loaded.insecure()) ? Boolean.FALSE : null);
    return common
        .withSource(h)
        .withRows(FormValues.blankToNull(rowsPath.getText()))
        .withValue(FormValues.blankToNull(valuePath.getText()));
  }

  @Override
  public List<Node> buttons() {
    return List.of(copyCurl);
  }

  @Override
  public Node firstField() {
    return url;
  }

  private static final String URL_EXAMPLE = "https://api.example.com/items";

  @Override
  public boolean unfilled(Problem p) {
    return p.where().equals("http.url") && urlUnfilled();
  }

  /** Empty, or only the "https://" a new panel starts with. */
  private boolean urlUnfilled() {
    return url.getText().strip().matches("([a-zA-Z][a-zA-Z0-9+.-]*://)?");
  }

  @Override
  public Problem plain(Problem p) {
    if (!p.where().equals("http.url")) {
      return p;
    }
    if (urlUnfilled()) {
      return new Problem(p.where(), "Type a URL such as " + URL_EXAMPLE);
    }
    var position = java.util.regex.Pattern.compile("^not a valid URL: .* at position (\\d+)$");
    var m = position.matcher(p.message());
    if (m.matches()) {
      int at = Integer.parseInt(m.group(1)) + 1;
      return new Problem(
          p.where(),
          "This is not a URL yet (look at character " + at + "); type one such as " + URL_EXAMPLE);
    }
    return p;
  }

  @Override
  public String checksHint() {
    return "- status: 200\n- latencyUnder: 500ms";
  }

  private void urlEdited(String text) {
    if (syncing) {
      return;
    }
    if (CurlParser.looks(text)) {
      onCurl.accept(text);
      return;
    }
    syncing = true;
    try {
      query.setEntries(entries(QueryString.params(text)));
    } finally {
      syncing = false;
    }
    onChange.run();
  }

  private void queryEdited() {
    if (syncing) {
      return;
    }
    var params =
        query.entries().stream().map(e -> new QueryString.Param(e.name(), e.value())).toList();
    syncing = true;
    try {
      url.setText(QueryString.join(QueryString.base(url.getText()), params));
    } finally {
      syncing = false;
    }
    onChange.run();
  }

  private static List<KeyValueTable.Entry> entries(List<QueryString.Param> params) {
    return params.stream().map(p -> new KeyValueTable.Entry(p.name(), p.value())).toList();
  }

  private static Map<String, String> queryMap(
      List<QueryString.Param> params, List<Problem> problems) {
    var out = new LinkedHashMap<String, String>();
    for (var p : params) {
      if (p.name().isBlank()) {
        problems.add(new Problem("http.query", "a query parameter needs a name"));
      } else if (out.put(p.name(), p.value()) != null) {
        problems.add(
            new Problem(
                "http.query",
                "'"
                    + p.name()
                    + "' appears more than once; a panel keeps one value per parameter"));
      }
    }
    return out;
  }

  private Map<String, String> headerMap(List<Problem> problems) {
    var out = new LinkedHashMap<String, String>();
    var seen = new HashSet<String>();
    for (var e : headers.entries()) {
      String name = e.name().strip();
      if (name.isEmpty()) {
        problems.add(new Problem("http.headers", "a header needs a name"));
      } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        problems.add(
            new Problem(
                "http.headers", "'" + name + "' appears more than once; give it one value"));
      } else {
        out.put(name, e.value().strip());
      }
    }
    return out;
  }

  private void copyAsCurl() {
    PanelSpec p = built.get();
    if (p != null && p.asHttp().isPresent()) {
      var content = new ClipboardContent();
      content.putString(CurlWriter.write(p));
      Clipboard.getSystemClipboard().setContent(content);
    }
  }
}
