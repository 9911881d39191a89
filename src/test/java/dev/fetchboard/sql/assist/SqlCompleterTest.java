package dev.fetchboard.sql.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCompleterTest {
  private static Completion at(String textWithCaret, CatalogView catalog) {
    int caret = textWithCaret.indexOf('|');
    String text = textWithCaret.substring(0, caret) + textWithCaret.substring(caret + 1);
    return SqlCompleter.complete(text, caret, catalog, List.of("status", "since"));
  }

  private static List<String> labels(Completion c) {
    return c.suggestions().stream().map(Suggestion::label).toList();
  }

  @Test
  void aliasDotOffersThatTablesColumnsEvenWhenFromComesLater() {
    Completion c = at("select c.| from customers c", SampleCatalog.SHOP);
    assertThat(labels(c)).containsExactly("id", "name", "email", "city", "created_at");
    assertThat(c.replaceFrom()).isEqualTo("select c.".length());
  }

  @Test
  void aliasDotWithPrefixNarrowsTheColumns() {
    Completion c =
        at(
            "select o.cu| from orders o join customers c on c.id = o.customer_id",
            SampleCatalog.SHOP);
    assertThat(labels(c)).containsExactly("customer_id");
    assertThat(c.prefix()).isEqualTo("cu");
  }

  @Test
  void afterFromOffersTablesAndViewsOfTheCurrentSchemaAndSchemas() {
    Completion c = at("select * from or|", SampleCatalog.SHOP);
    assertThat(labels(c)).startsWith("orders");
    Completion all = at("select * from |", SampleCatalog.SHOP);
    assertThat(labels(all)).contains("customers", "events", "audit", "Mixed Case");
    assertThat(labels(all).indexOf("customers")).isLessThan(labels(all).indexOf("select"));
  }

  @Test
  void afterJoinOffersTables() {
    assertThat(labels(at("select * from orders o join cu|", SampleCatalog.SHOP)))
        .startsWith("customers");
  }

  @Test
  void schemaDotOffersThatSchemasTables() {
    assertThat(labels(at("select * from audit.|", SampleCatalog.SHOP))).containsExactly("log");
  }

  @Test
  void schemaQualifiedTableResolvesForColumns() {
    assertThat(labels(at("select l.| from audit.log l", SampleCatalog.SHOP)))
        .containsExactly("at", "what");
  }

  @Test
  void whereOffersColumnsOfEveryTableInScopeAndTheirAliases() {
    List<String> got =
        labels(at("select * from orders o, customers c where |", SampleCatalog.SHOP));
    assertThat(got).contains("customer_id", "email", "o", "c", "and");
    assertThat(got.indexOf("customer_id")).isLessThan(got.indexOf("and"));
  }

  @Test
  void groupByAndOrderByOfferColumns() {
    assertThat(labels(at("select status from orders group by st|", SampleCatalog.SHOP)))
        .startsWith("status");
    assertThat(labels(at("select * from orders order by tot|", SampleCatalog.SHOP)))
        .startsWith("total");
    assertThat(labels(at("select * from orders o join customers c on c.ci|", SampleCatalog.SHOP)))
        .containsExactly("city");
  }

  @Test
  void namesThatNeedQuotesAreInsertedQuoted() {
    Completion c = at("select * from Mix|", SampleCatalog.SHOP);
    assertThat(c.suggestions().getFirst().insert()).isEqualTo("\"Mixed Case\"");
    Completion col = at("select m.| from \"Mixed Case\" m", SampleCatalog.SHOP);
    assertThat(col.suggestions().getFirst().insert()).isEqualTo("\"Odd Column\"");
  }

  @Test
  void colonOffersThePanelsParameters() {
    Completion c = at("select * from orders where status = :st|", SampleCatalog.SHOP);
    assertThat(labels(c)).containsExactly(":status");
    assertThat(c.suggestions().getFirst().insert()).isEqualTo("status");
    assertThat(labels(at("select now()::|", SampleCatalog.SHOP))).doesNotContain(":status");
  }

  @Test
  void beforeTheSchemaLoadsKeywordsAreOfferedAndTheSchemaIsWanted() {
    Completion c = at("select * from orders where cr|", CatalogView.EMPTY);
    assertThat(labels(c)).contains("cross join");
    assertThat(c.wanted()).containsExactly("public");
    Completion dot = at("select c.| from customers c", CatalogView.EMPTY);
    assertThat(dot.suggestions()).isEmpty();
    assertThat(dot.wanted()).containsExactly("public");
  }

  @Test
  void upperCasePrefixGetsUpperCaseKeywords() {
    assertThat(labels(at("SEL|", CatalogView.EMPTY))).containsExactly("SELECT");
  }

  @Test
  void nothingInsideAStringLiteral() {
    assertThat(at("select 'cu| from customers c", SampleCatalog.SHOP).suggestions()).isEmpty();
  }

  @Test
  void cteNamesAreTablesAndTheirAliasesResolveToNothingUnknown() {
    Completion c =
        at("with recent as (select * from orders) select * from rec|", SampleCatalog.SHOP);
    assertThat(labels(c)).contains("recent");
  }

  @Test
  void onlyTheStatementAroundTheCaretCounts() {
    List<String> got =
        labels(at("select * from events; select | from customers", SampleCatalog.SHOP));
    assertThat(got).contains("email").doesNotContain("payload");
  }
}
