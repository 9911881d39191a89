package dev.fetchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Column;
import dev.fetchboard.engine.ResultTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV export opened in a spreadsheet runs no formula that a server put in a cell. */
class CsvFormulaTest {
  @TempDir Path dir;

  @Test
  void cellsAndColumnNamesThatStartAFormulaGetALeadingQuote() throws Exception {
    var table =
        ResultTable.of(
            List.of(
                new Column("=name", "string", false),
                new Column("n", "number", true),
                new Column("s", "string", false)),
            List.of(
                new Object[] {"=HYPERLINK(\"http://evil/\",\"click\")", -5L, "-5"},
                new Object[] {"+1+2", new BigDecimal("-1.5E+999999999"), "@SUM(A1:A9)"},
                new Object[] {"-2+3", 3L, "\t=1"},
                new Object[] {"\r=1", -0.5, "plain - text"}));
    Path csv = dir.resolve("out.csv");
    TableExporter.export(table, csv, TableExporter.Format.CSV, n -> {}, () -> false);
    assertThat(Files.readString(csv))
        .isEqualTo(
            "'=name,n,s\r\n"
                + "\"'=HYPERLINK(\"\"http://evil/\"\",\"\"click\"\")\",-5,-5\r\n"
                + "'+1+2,-1.5E+999999999,'@SUM(A1:A9)\r\n"
                + "'-2+3,3,'\t=1\r\n"
                + "\"'\r=1\",-0.5,plain - text\r\n");
  }

  @Test
  void plainNumbersWrittenAsTextStayNumbers() {
    for (String n : new String[] {"-5", "+5", "-1.25", "-.5", "-1e10", "-2.5E+3"}) {
      assertThat(TableExporter.csvCell(n)).as(n).isEqualTo(n);
    }
    for (String f : new String[] {"-1-1", "-A1", "+cmd|' /C calc'!A0", "=1", "@x", "-"}) {
      assertThat(TableExporter.csvCell(f)).as(f).startsWith("'");
    }
  }
}
