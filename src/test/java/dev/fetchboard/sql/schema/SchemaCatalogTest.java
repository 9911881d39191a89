package dev.fetchboard.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fetchboard.sql.ToolConnections;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.Workspace;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {
  @BeforeAll
  static void schema() throws Exception {
    TestDatabase.execute(
        "drop schema if exists catalog_shop cascade",
        "create schema catalog_shop",
        "create table catalog_shop.customers (id int primary key, name text not null, city text)",
        "create table catalog_shop.orders (id bigint primary key, customer_id int not null"
            + " references catalog_shop.customers (id), total numeric(12,2))",
        "create index orders_customer on catalog_shop.orders (customer_id)",
        "create view catalog_shop.big_orders as select * from catalog_shop.orders where total > 100");
  }

  private static SchemaCatalog catalog() throws Exception {
    Workspace ws =
        Workspace.named("t")
            .withConnections(Map.of("db", ConnectionSpec.ofUrl(TestDatabase.url())));
    return new SchemaCatalogs(new ToolConnections(null)).of(ws, "db");
  }

  @Test
  void listsSchemasWithoutReadingAnyTables() throws Exception {
    SchemaCatalog catalog = catalog();
    catalog.refresh();
    var schemas = catalog.schemas();
    assertThat(schemas.names()).contains("public", "catalog_shop", "pg_catalog");
    assertThat(schemas.names().indexOf("catalog_shop"))
        .isLessThan(schemas.names().indexOf("pg_catalog"));
    assertThat(schemas.current()).isEqualTo("public");
    assertThat(catalog.loadedTables("catalog_shop")).isNull();
  }

  @Test
  void readsTablesViewsAndColumnTypesOfOneSchema() throws Exception {
    SchemaCatalog catalog = catalog();
    var tables = catalog.tables("catalog_shop");
    assertThat(tables.tables())
        .extracting(TableInfo::name)
        .containsExactly("big_orders", "customers", "orders");
    assertThat(tables.table("big_orders").kind()).isEqualTo(TableInfo.Kind.VIEW);
    TableInfo customers = tables.table("customers");
    assertThat(customers.columns())
        .extracting(ColumnInfo::name)
        .containsExactly("id", "name", "city");
    assertThat(customers.column("id").type()).isEqualTo("integer");
    assertThat(customers.column("name").nullable()).isFalse();
    assertThat(customers.column("city").nullable()).isTrue();
    assertThat(tables.table("orders").column("total").type()).startsWith("numeric");
    assertThat(catalog.loadedTables("catalog_shop")).isSameAs(tables);
  }

  @Test
  void readsKeysAndIndexesOfOneTable() throws Exception {
    TableKeys keys = catalog().keys("catalog_shop", "orders");
    assertThat(keys.primaryKey()).containsExactly("id");
    assertThat(keys.foreignKeys()).containsExactly("(customer_id) → customers(id)");
    assertThat(keys.indexes()).anyMatch(i -> i.startsWith("orders_customer (customer_id"));
  }

  @Test
  void refreshSeesANewTable() throws Exception {
    SchemaCatalog catalog = catalog();
    catalog.tables("catalog_shop");
    TestDatabase.execute("create table if not exists catalog_shop.later (x int)");
    assertThat(catalog.tables("catalog_shop").table("later")).isNull();
    catalog.refresh();
    assertThat(catalog.tables("catalog_shop").table("later")).isNotNull();
    TestDatabase.execute("drop table catalog_shop.later");
  }

  @Test
  void anUnreachableDatabaseIsAPlainMessage() throws Exception {
    Workspace ws =
        Workspace.named("t")
            .withConnections(
                Map.of("db", ConnectionSpec.ofUrl("postgresql://postgres@127.0.0.1:1/postgres")));
    SchemaCatalog catalog = new SchemaCatalogs(new ToolConnections(null)).of(ws, "db");
    assertThatThrownBy(catalog::schemas)
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("connection refused")
        .hasMessageNotContaining("Exception");
  }
}
