package dev.fetchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.Cancellation;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.sql.SqlSource;
import dev.fetchboard.testing.ChildJvm;
import dev.fetchboard.testing.TestDatabase;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exporting a whole SQL result streams every row to the file again, past the panel's row cap, and
 * holds none: proven by a child JVM with a heap far smaller than the rows would need.
 */
class WholeResultExportTest {
  private static final String MILLION =
      "select g as id, md5(g::text) as hash, g * 1.5 as amount"
          + " from generate_series(1, 1000000) g order by g";

  @TempDir Path dir;

  /** In a child JVM: exports the million rows to args[1] as CSV and prints the outcome. */
  public static final class ChildExport {
    public static void main(String[] args) throws Exception {
      var ws =
          Workspace.named("export").withConnections(Map.of("db", ConnectionSpec.ofUrl(args[0])));
      // The panel keeps at most 1,000 rows; the export must not care.
      var panel = PanelSpec.sql("all", "all", SqlQuerySpec.of("db", MILLION).withMaxRows(1000));
      try (var engine =
              new Engine(
                  EngineConfig.DEFAULT,
                  List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
          var writer = RowFileWriter.open(Path.of(args[1]), TableExporter.Format.CSV)) {
        RunResult r = engine.streamRows(ws, panel, writer, new Cancellation());
        if (r.ok()) {
          writer.commit();
        }
        System.out.println(r.ok() ? "rows " + writer.rows() : "failed " + r.error());
      }
    }
  }

  @Test
  void aMillionRowsGoToTheFileInA64MegabyteHeap() throws Exception {
    Path csv = dir.resolve("all.csv");
    var child =
        ChildJvm.start(List.of("-Xmx64m"), ChildExport.class, TestDatabase.url(), csv.toString());
    var out = new StringBuilder();
    try (var r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      r.lines().forEach(l -> out.append(l).append('\n'));
    }
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // A million rows held as Java objects take well over 64 MB: an OutOfMemoryError would fail
    // here.
    assertThat(out.toString()).contains("rows 1000000");
    assertThat(child.exitValue()).isZero();
    try (var lines = Files.lines(csv)) {
      assertThat(lines.count()).isEqualTo(1_000_001);
    }
    try (var r = Files.newBufferedReader(csv)) {
      assertThat(r.readLine()).isEqualTo("id,hash,amount");
      assertThat(r.readLine()).isEqualTo("1,c4ca4238a0b923820dcc509a6f75849b,1.5");
    }
    assertThat(Files.list(dir).toList()).as("no temp file left behind").containsExactly(csv);
  }

  @Test
  void aCancelledOrFailedExportLeavesTheOldFileAsItWas() throws Exception {
    Path csv = dir.resolve("kept.csv");
    Files.writeString(csv, "old\n");
    var ws =
        Workspace.named("export")
            .withConnections(Map.of("db", ConnectionSpec.ofUrl(TestDatabase.url())));
    var panel = PanelSpec.sql("bad", "bad", SqlQuerySpec.of("db", "select * from no_such_table"));
    try (var engine =
            new Engine(
                EngineConfig.DEFAULT,
                List.of(new SqlSource(null, Map.of(), Path.of("/nonexistent/.pgpass"))));
        var writer = RowFileWriter.open(csv, TableExporter.Format.CSV)) {
      RunResult r = engine.streamRows(ws, panel, writer, new Cancellation());
      assertThat(r.ok()).isFalse();
      assertThat(r.error().message()).contains("no_such_table");
    }
    assertThat(Files.readString(csv)).isEqualTo("old\n");
    assertThat(Files.list(dir).toList()).containsExactly(csv);
  }
}
