package dev.fetchboard.sql.assist;

import dev.fetchboard.sql.schema.ColumnInfo;
import dev.fetchboard.sql.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;

/** The sample shop's tables as a loaded catalog, for tests that need no database. */
final class SampleCatalog implements CatalogView {
  static final SampleCatalog SHOP = new SampleCatalog();

  private final List<TableInfo> tables =
      List.of(
          relation(
              "customers",
              "id integer",
              "name text",
              "email text",
              "city text",
              "created_at timestamptz"),
          relation(
              "products",
              "id integer",
              "sku text",
              "name text",
              "price numeric",
              "tags text[]",
              "attributes jsonb"),
          relation(
              "orders",
              "id bigint",
              "customer_id integer",
              "product_id integer",
              "quantity integer",
              "total numeric",
              "status text",
              "created_at timestamptz"),
          relation(
              "events",
              "id bigint",
              "at timestamptz",
              "kind text",
              "duration interval",
              "payload jsonb"),
          relation("Mixed Case", "Odd Column text"));

  private static TableInfo relation(String name, String... columns) {
    var cols = new ArrayList<ColumnInfo>();
    for (String c : columns) {
      int space = c.lastIndexOf(' ');
      cols.add(new ColumnInfo(c.substring(0, space), c.substring(space + 1), true));
    }
    return new TableInfo("public", name, TableInfo.Kind.TABLE, cols);
  }

  @Override
  public String currentSchema() {
    return "public";
  }

  @Override
  public List<String> schemas() {
    return List.of("public", "audit");
  }

  @Override
  public List<TableInfo> tables(String schema) {
    return schema.equals("public")
        ? tables
        : schema.equals("audit") ? List.of(relation("log", "at timestamptz", "what text")) : null;
  }
}
