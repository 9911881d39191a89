package dev.fetchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.app.Launcher;
import dev.fetchboard.testing.ChildJvm;
import dev.fetchboard.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void table() throws Exception {
    TestDatabase.execute(
        "create table if not exists check_customers (id int primary key, name text, city text)");
  }

  private int run(String... args) {
    return FetchboardCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path workspace(String query) throws Exception {
    Path file = dir.resolve("ws.yaml");
    Files.writeString(
        file,
        """
        fetchboard: 1
        name: check
        connections:
          db:
            url: %s
        panels:
          - id: customers
            title: Customers
            sql:
              connection: db
              query: |
        %s
        """
            .formatted(TestDatabase.url(), query.indent(8).stripTrailing()));
    return file;
  }

  @Test
  void aMisspelledColumnIsReportedAtItsLineAndColumnWithConnect() throws Exception {
    Path file = workspace("select id,\n       nmae\nfrom check_customers");
    assertThat(run("check", file.toString())).as(err.toString()).isZero();
    assertThat(run("check", "--connect", file.toString())).isEqualTo(1);
    // The query starts on line 12 of the file, indented 8: nmae is on line 13, column 16.
    assertThat(out.toString())
        .isEqualTo(
            file
                + ":13:16: panels[0].sql.query: column \"nmae\" does not exist"
                + System.lineSeparator());
  }

  @Test
  void aSyntaxErrorIsReportedWithoutConnectingAndJsonSaysTheSame() throws Exception {
    Path file = workspace("selec id from check_customers");
    assertThat(run("check", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(":12:9: panels[0].sql.query: 'selec' is not a SQL command");
    out.getBuffer().setLength(0);
    assertThat(run("check", "--format", "json", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("\"line\":12,\"column\":9");
  }

  @Test
  void anUnreachableConnectionIsAProblemAndAMissingFileIsUsage() throws Exception {
    Path file = workspace("select 1");
    Files.writeString(
        file,
        Files.readString(file).replace(TestDatabase.url(), "postgresql://postgres@127.0.0.1:1/x"));
    assertThat(run("check", "--connect", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(":4:3: connections.db: cannot connect to 127.0.0.1:1");
    assertThat(run("check", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(run("check", "--format", "xml", file.toString())).isEqualTo(2);
  }

  @Test
  void runLoadsNoJooqClassesAndCheckDoes() throws Exception {
    Path file = workspace("select id from check_customers");
    assertThat(loadedJooq("run", file)).as("run").isFalse();
    assertThat(loadedJooq("check", file)).as("check (the positive control)").isTrue();
  }

  private static boolean loadedJooq(String command, Path file) throws Exception {
    Process p = ChildJvm.start(List.of("-verbose:class"), Launcher.class, command, file.toString());
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(text).contains("dev.fetchboard.cli.FetchboardCommand");
    return text.contains(" org.jooq.");
  }
}
