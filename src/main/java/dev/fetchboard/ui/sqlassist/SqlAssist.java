package dev.fetchboard.ui.sqlassist;

import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.sql.assist.CatalogView;
import dev.fetchboard.sql.assist.Completion;
import dev.fetchboard.sql.assist.ServerCheck;
import dev.fetchboard.sql.assist.SqlChecker;
import dev.fetchboard.sql.assist.SqlCompleter;
import dev.fetchboard.sql.assist.SqlFormatter;
import dev.fetchboard.sql.assist.SqlProblem;
import dev.fetchboard.sql.schema.CatalogException;
import dev.fetchboard.sql.schema.SchemaCatalog;
import dev.fetchboard.sql.schema.SchemaCatalogs;
import dev.fetchboard.ui.UiExecutor;
import dev.fetchboard.ui.model.PanelViewModel;
import dev.fetchboard.ui.model.WorkspaceViewModel;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;

/**
 * The SQL editor's assist: completion (Ctrl+Space, and after a dot), the text checked as it is
 * typed, Format (Ctrl+Shift+F), "Check on server" and the schema browser. All work runs off the FX
 * thread; the schema loads in the background and completion offers more as it arrives.
 */
public final class SqlAssist {
  /** Above this many characters the text is not checked as it is typed. */
  static final int CHECK_LIMIT = 200_000;

  /** Statements "Check on server" describes at most; checking as one types asks about fewer. */
  static final int SERVER_STATEMENTS = 50;

  private static final KeyCombination COMPLETE =
      new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination FORMAT =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private final CodeArea area;
  private final WorkspaceViewModel model;
  private final ObservableValue<String> connection;
  private final Supplier<Collection<String>> params;
  private final SchemaCatalogs catalogs;
  private final UiExecutor ui = UiExecutor.forWindow();
  private final CompletionPopup popup;
  private final LiveCheck check;
  private final SchemaBrowser browser;
  private final Label info = new Label();
  private final PauseTransition pause = new PauseTransition(Duration.millis(350));
  private volatile SchemaCatalog catalog;
  private String catalogOf;
  private long version;
  // The text version a completion waits for the schema at, to offer what arrives (else -1).
  private long awaitingSchema = -1;
  private boolean editorUsed;

  /**
   * @param connection the panel's connection name as the form shows it
   * @param params the panel's parameter names as the form shows them (read on the FX thread)
   */
  public SqlAssist(
      CodeArea area,
      WorkspaceViewModel model,
      ObservableValue<String> connection,
      Supplier<Collection<String>> params) {
    this.area = area;
    this.model = model;
    this.connection = connection;
    this.params = params;
    SqlSource source = model.engine().source(SqlSource.class);
    this.catalogs = source == null ? null : new SchemaCatalogs(source.toolConnections());
    this.popup = new CompletionPopup(area);
    this.check = new LiveCheck(area);
    this.browser = new SchemaBrowser(new BrowserActions());
    area.getStylesheets().add(SqlAssist.class.getResource("sql-assist.css").toExternalForm());
    info.setId("sql-assist-info");
    info.getStyleClass().add("sql-assist-info");
    pause.setOnFinished(e -> runCheck());
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    area.textProperty().addListener((o, a, b) -> edited());
    area.plainTextChanges()
        .subscribe(
            change -> {
              if (change.getInserted().endsWith(".") || popup.isShowing()) {
                ui.onFx(this::complete);
              }
            });
    area.caretPositionProperty()
        .addListener(
            (o, a, b) -> {
              if (popup.isShowing() && b.intValue() < popup.replaceFrom()) {
                popup.hide();
              }
            });
    area.focusedProperty()
        .addListener(
            (o, a, focused) -> {
              if (focused && !editorUsed) {
                editorUsed = true;
                loadCatalog();
              }
            });
    connection.addListener((o, a, b) -> loadCatalog());
  }

  /** The editor with the browser beside it and the assist's bar under it. */
  public Node decorate(Node editor) {
    var format = new Button("Format");
    format.setId("format-sql");
    format.setTooltip(new Tooltip("Format the SQL (Ctrl+Shift+F)"));
    format.setOnAction(e -> format());
    var server = new Button("Check on server");
    server.setId("check-on-server");
    server.setTooltip(
        new Tooltip(
            "Ask the database to describe the SQL, in a read-only transaction, without running it"));
    server.setOnAction(e -> checkOnServer());
    var schema = new ToggleButton("Schema");
    schema.setId("toggle-schema");
    schema.setSelected(true);
    browser.visibleProperty().bind(schema.selectedProperty());
    browser.managedProperty().bind(schema.selectedProperty());
    browser
        .visibleProperty()
        .addListener(
            (o, a, shown) -> {
              if (shown) {
                loadCatalog();
              }
            });
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox.setHgrow(editor, Priority.ALWAYS);
    var bar = new HBox(8, check.message(), info, spacer, format, server, schema);
    var top = new HBox(6, editor, browser);
    browser.prefHeightProperty().bind(top.heightProperty());
    return new VBox(4, top, bar);
  }

  /** Puts the problem underlines back after the highlighter restyled the text. */
  public void restyle() {
    check.restyle();
  }

  private void keys(KeyEvent e) {
    if (COMPLETE.match(e)) {
      complete();
      e.consume();
    } else if (FORMAT.match(e)) {
      format();
      e.consume();
    }
  }

  private void edited() {
    version++;
    check.clear();
    info.setText("");
    pause.playFromStart();
  }

  private CatalogView view() {
    SchemaCatalog c = catalog;
    return c == null ? CatalogView.EMPTY : CatalogView.of(c);
  }

  private void complete() {
    String text = area.getText();
    int caret = area.getCaretPosition();
    long asked = version;
    List<String> names = List.copyOf(params.get());
    CatalogView view = view();
    ui.submit(
        "sql-complete",
        () -> SqlCompleter.complete(text, caret, view, names),
        completion -> {
          if (asked != version) {
            return;
          }
          popup.show(completion);
          awaitingSchema = completion.wanted().isEmpty() ? -1 : asked;
          loadWanted(completion);
        });
  }

  private void loadWanted(Completion completion) {
    SchemaCatalog c = catalog;
    if (c == null || completion.wanted().isEmpty()) {
      if (c == null && !completion.wanted().isEmpty()) {
        loadCatalog();
      }
      return;
    }
    Set<String> wanted = completion.wanted();
    ui.submit(
        "sql-schema",
        () -> {
          for (String schema : wanted) {
            if (c.loadedSchemas() != null && c.loadedSchemas().names().contains(schema)) {
              c.tables(schema);
            }
          }
          return Boolean.TRUE;
        },
        done -> {
          showCatalog();
          completeAgain();
        });
  }

  /** Offers completions again when the schema a shown (or empty) completion wanted arrived. */
  private void completeAgain() {
    if (popup.isShowing() || awaitingSchema == version) {
      awaitingSchema = -1;
      complete();
    }
  }

  private record Loaded(SchemaCatalog catalog, String problem) {}

  private void loadCatalog() {
    String name = connection.getValue();
    if (catalogs == null || name == null || !editorUsed && !browser.isVisible()) {
      return;
    }
    Workspace ws = model.workspace();
    if (name.equals(catalogOf) && catalog != null) {
      return;
    }
    catalogOf = name;
    browser.status("reading the schema of " + name + "…");
    ui.submit(
        "sql-catalog",
        () -> {
          try {
            SchemaCatalog c = catalogs.of(ws, name);
            SchemaCatalog.Schemas s = c.schemas();
            c.tables(s.current());
            return new Loaded(c, null);
          } catch (RunFailure | CatalogException e) {
            return new Loaded(null, e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Loaded(null, "cancelled");
          }
        },
        loaded -> {
          if (!name.equals(connection.getValue())) {
            return;
          }
          catalog = loaded.catalog();
          if (catalog == null) {
            catalogOf = null;
            browser.status(name + ": " + loaded.problem());
            return;
          }
          browser.status("");
          showCatalog();
          pause.playFromStart();
          completeAgain();
        });
  }

  private void showCatalog() {
    SchemaCatalog c = catalog;
    if (c != null && c.loadedSchemas() != null) {
      browser.show(c.loadedSchemas(), c::loadedTables);
    }
  }

  private void runCheck() {
    String text = area.getText();
    long asked = version;
    if (text.length() > CHECK_LIMIT || text.isBlank()) {
      check.show(List.of(), text);
      return;
    }
    CatalogView view = view();
    SchemaCatalog c = catalog;
    ui.submit(
        "sql-check",
        () -> {
          SqlChecker.Result result = SqlChecker.check(text, view);
          var problems = new ArrayList<>(result.problems());
          // jOOQ could not parse these: only the server's own verdict is shown, never jOOQ's.
          if (c != null && !result.unsure().isEmpty()) {
            problems.addAll(
                serverVerdicts(
                    c, text, result.unsure().subList(0, Math.min(5, result.unsure().size()))));
          }
          return problems;
        },
        problems -> {
          if (asked == version) {
            check.show(problems, text);
          }
        });
  }

  private static List<SqlProblem> serverVerdicts(
      SchemaCatalog c, String text, List<SqlChecker.Statement> statements) {
    var out = new ArrayList<SqlProblem>();
    try (Connection conn = c.connect()) {
      for (SqlChecker.Statement s : statements) {
        SqlProblem p = ServerCheck.describe(conn, text, s.start(), s.end());
        if (p != null) {
          out.add(p);
        }
      }
    } catch (CatalogException | SQLException e) {
      // No server verdict: nothing is shown (jOOQ's failure alone is not trusted).
    }
    return out;
  }

  private void checkOnServer() {
    String text = area.getText();
    long asked = version;
    SchemaCatalog c = catalog;
    String name = connection.getValue();
    if (catalogs == null || name == null) {
      info.setText("choose a connection first");
      return;
    }
    Workspace ws = model.workspace();
    info.setText("asking the server…");
    ui.submit(
        "sql-server-check",
        () -> {
          try {
            SchemaCatalog target = c != null ? c : catalogs.of(ws, name);
            List<SqlChecker.Statement> all = SqlChecker.statements(text);
            try (Connection conn = target.connect()) {
              var problems = new ArrayList<SqlProblem>();
              for (SqlChecker.Statement s :
                  all.subList(0, Math.min(SERVER_STATEMENTS, all.size()))) {
                SqlProblem p = ServerCheck.describe(conn, text, s.start(), s.end());
                if (p != null) {
                  problems.add(p);
                }
              }
              return new ServerAnswer(problems, null);
            }
          } catch (RunFailure | CatalogException | SQLException e) {
            return new ServerAnswer(List.of(), "cannot ask the server: " + e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerAnswer(List.of(), "cancelled");
          }
        },
        answer -> {
          if (asked != version) {
            return;
          }
          if (answer.failure() != null) {
            info.setText(answer.failure());
          } else {
            check.show(answer.problems(), text);
            info.setText(answer.problems().isEmpty() ? "the server accepts this SQL" : "");
          }
        });
  }

  private record ServerAnswer(List<SqlProblem> problems, String failure) {}

  private void format() {
    String text = area.getText();
    long asked = version;
    ui.submit(
        "sql-format",
        () -> SqlFormatter.format(text),
        formatted -> {
          if (asked != version) {
            return;
          }
          if (formatted.text() == null) {
            info.setText(formatted.refusal());
          } else if (!formatted.text().equals(text)) {
            area.replaceText(formatted.text());
            info.setText("formatted");
          }
        });
  }

  private final class BrowserActions implements SchemaBrowser.Actions {
    @Override
    public void openSchema(String schema) {
      SchemaCatalog c = catalog;
      if (c == null || c.loadedTables(schema) != null) {
        return;
      }
      browser.status("reading schema " + schema + "…");
      ui.submit(
          "sql-schema",
          () -> {
            try {
              c.tables(schema);
              return "";
            } catch (CatalogException e) {
              return e.getMessage();
            }
          },
          problem -> {
            browser.status(problem);
            showCatalog();
          });
    }

    @Override
    public void insert(String text) {
      area.insertText(area.getCaretPosition(), text);
      area.requestFocus();
    }

    @Override
    public void newPanel(String qualifiedTable, String title) {
      String name = connection.getValue();
      PanelViewModel vm = model.add(true);
      model.update(
          vm.spec()
              .withTitle(title + ": first 100 rows")
              .withSource(SqlQuerySpec.of(name, "select * from " + qualifiedTable + " limit 100")));
    }
  }
}
