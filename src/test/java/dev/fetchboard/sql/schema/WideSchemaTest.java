package dev.fetchboard.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fetchboard.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database with a schema of 10,000 tables: the schema list comes without reading them. */
class WideSchemaTest {
  static final int TABLES = 10_000;

  @BeforeAll
  static void tenThousandTables() throws Exception {
    createWideSchema(TABLES);
  }

  /** Creates schema {@code wide} with {@code n} tables t1…tn (committing in batches). */
  static void createWideSchema(int n) throws Exception {
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement()) {
      s.execute("create schema if not exists wide");
      try (ResultSet rs =
          s.executeQuery("select count(*) from pg_tables where schemaname = 'wide'")) {
        rs.next();
        if (rs.getInt(1) == n) {
          return;
        }
      }
      s.execute("drop schema wide cascade");
      s.execute("create schema wide");
      // Fixed-width columns only: no TOAST table per table, so creating them stays quick.
      s.execute(
          "do $$ begin for i in 1.."
              + n
              + " loop execute format('create table wide.t%s (id int, amount bigint, at"
              + " timestamptz)', i); if i % 500 = 0 then commit; end if; end loop; end $$");
    }
  }

  private static SchemaCatalog catalog() {
    return new SchemaCatalog(
        () -> {
          Connection c = TestDatabase.connect();
          c.setReadOnly(true);
          return c;
        });
  }

  @Test
  void theSchemaListComesWithoutReadingTheTables() throws Exception {
    SchemaCatalog catalog = catalog();
    var schemas = assertTimeoutPreemptively(Duration.ofSeconds(30), catalog::schemas);
    assertThat(schemas.names()).contains("wide", "public");
    assertThat(catalog.loadedTables("wide")).isNull();
  }

  @Test
  void openingTheWideSchemaFinishesInBoundedTime() throws Exception {
    SchemaCatalog catalog = catalog();
    var wide = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> catalog.tables("wide"));
    assertThat(wide.tables()).hasSize(TABLES);
    assertThat(wide.truncated()).isFalse();
    assertThat(wide.table("t9999").columns())
        .extracting(ColumnInfo::name)
        .containsExactly("id", "amount", "at");
  }
}
