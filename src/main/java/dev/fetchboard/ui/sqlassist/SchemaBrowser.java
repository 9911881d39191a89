package dev.fetchboard.ui.sqlassist;

import dev.fetchboard.sql.assist.SqlNames;
import dev.fetchboard.sql.schema.ColumnInfo;
import dev.fetchboard.sql.schema.SchemaCatalog;
import dev.fetchboard.sql.schema.TableInfo;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The database beside the SQL editor: schemas, their tables and views (read when a schema is
 * opened), columns with their types; a search box filters the tables read so far. Double-click
 * inserts a name at the caret; the context menu copies it or opens a panel of its first 100 rows.
 */
final class SchemaBrowser extends VBox {
  /** Rows of the tree at most while searching. */
  static final int MAX_MATCHES = 500;

  /** What a row of the tree stands for. */
  record Entry(String schema, String table, String column, String detail) {
    String name() {
      return column != null ? column : table != null ? table : schema;
    }

    /** The name as it goes into SQL (a table qualified when not in the current schema). */
    String sqlName(String currentSchema) {
      if (column != null) {
        return SqlNames.quoteIfNeeded(column);
      }
      if (table != null) {
        String t = SqlNames.quoteIfNeeded(table);
        return schema.equals(currentSchema) ? t : SqlNames.quoteIfNeeded(schema) + "." + t;
      }
      return SqlNames.quoteIfNeeded(schema);
    }
  }

  /** What the browser asks of the window. */
  interface Actions {
    void openSchema(String schema);

    void insert(String text);

    void newPanel(String qualifiedTable, String title);
  }

  private final TextField search = new TextField();
  private final TreeView<Entry> tree = new TreeView<>(new TreeItem<>());
  private final Label status = new Label();
  private final Actions actions;
  private SchemaCatalog.Schemas schemas;
  private java.util.function.Function<String, SchemaCatalog.SchemaTables> loaded = s -> null;

  SchemaBrowser(Actions actions) {
    super(4);
    this.actions = actions;
    setId("schema-browser");
    getStyleClass().add("schema-browser");
    search.setId("schema-search");
    search.setPromptText("Search tables");
    tree.setId("schema-tree");
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new EntryCell());
    status.getStyleClass().add("field-label");
    status.setWrapText(true);
    VBox.setVgrow(tree, Priority.ALWAYS);
    search.textProperty().addListener((o, a, b) -> rebuild());
    getChildren().addAll(search, tree, status);
    setPrefWidth(260);
    setMinWidth(160);
  }

  /** Shows a message instead of the catalog (e.g. the connection failed). */
  void status(String text) {
    status.setText(text == null ? "" : text);
  }

  /** Shows what the catalog holds now ({@code tables} gives a schema's tables if read). */
  void show(
      SchemaCatalog.Schemas schemas,
      java.util.function.Function<String, SchemaCatalog.SchemaTables> tables) {
    this.schemas = schemas;
    this.loaded = tables;
    rebuild();
  }

  private void rebuild() {
    var root = tree.getRoot();
    root.getChildren().clear();
    if (schemas == null) {
      return;
    }
    String query = search.getText().strip().toLowerCase(Locale.ROOT);
    int matches = 0;
    for (String schema : schemas.names()) {
      var item = new TreeItem<>(new Entry(schema, null, null, "schema"));
      SchemaCatalog.SchemaTables tables = loaded.apply(schema);
      if (tables != null) {
        for (TableInfo t : tables.tables()) {
          if (!query.isEmpty() && !t.name().toLowerCase(Locale.ROOT).contains(query)) {
            continue;
          }
          if (!query.isEmpty() && ++matches > MAX_MATCHES) {
            break;
          }
          item.getChildren().add(tableItem(t));
        }
        if (tables.truncated()) {
          status("schema " + schema + " shows its first " + tables.tables().size() + " tables");
        }
      } else {
        item.getChildren().add(new TreeItem<>(new Entry(schema, null, null, "loading…")));
        item.expandedProperty()
            .addListener(
                (o, a, open) -> {
                  if (open) {
                    actions.openSchema(schema);
                  }
                });
      }
      if (query.isEmpty() || !item.getChildren().isEmpty() && tables != null) {
        item.setExpanded(tables != null && (schema.equals(schemas.current()) || !query.isEmpty()));
        root.getChildren().add(item);
      }
    }
  }

  private static TreeItem<Entry> tableItem(TableInfo t) {
    String kind =
        switch (t.kind()) {
          case VIEW -> "view";
          case MATERIALIZED_VIEW -> "materialized view";
          default -> "";
        };
    var item = new TreeItem<>(new Entry(t.schema(), t.name(), null, kind));
    List<ColumnInfo> columns = t.columns();
    for (ColumnInfo c : columns) {
      item.getChildren()
          .add(
              new TreeItem<>(
                  new Entry(
                      t.schema(),
                      t.name(),
                      c.name(),
                      c.type() + (c.nullable() ? "" : " not null"))));
    }
    return item;
  }

  private final class EntryCell extends TreeCell<Entry> {
    EntryCell() {
      setOnMouseClicked(
          e -> {
            if (e.getClickCount() == 2
                && getItem() != null
                && !getItem().detail().equals("loading…")) {
              actions.insert(getItem().sqlName(current()));
              e.consume();
            }
          });
    }

    @Override
    protected void updateItem(Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setText(null);
        setContextMenu(null);
        return;
      }
      setText(
          entry.detail().isEmpty() || entry.detail().equals("schema")
              ? entry.name()
              : entry.name() + "  " + entry.detail());
      var copy = new MenuItem("Copy name");
      copy.setOnAction(
          e -> {
            var content = new ClipboardContent();
            content.putString(entry.sqlName(current()));
            Clipboard.getSystemClipboard().setContent(content);
          });
      var menu = new ContextMenu(copy);
      if (entry.table() != null && entry.column() == null) {
        var rows = new MenuItem("New panel: first 100 rows");
        rows.setOnAction(
            e ->
                actions.newPanel(
                    SqlNames.quoteIfNeeded(entry.schema())
                        + "."
                        + SqlNames.quoteIfNeeded(entry.table()),
                    entry.table()));
        menu.getItems().addFirst(rows);
      }
      setContextMenu(menu);
    }
  }

  private String current() {
    return schemas == null ? "public" : schemas.current();
  }
}
