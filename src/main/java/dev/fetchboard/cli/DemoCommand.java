package dev.fetchboard.cli;

import dev.fetchboard.AppDirs;
import dev.fetchboard.Fetchboard;
import dev.fetchboard.embedded.EmbeddedDatabase;
import dev.fetchboard.embedded.SampleApi;
import dev.fetchboard.embedded.SampleDatabase;
import dev.fetchboard.embedded.SampleWorkspace;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fetchboard demo}: the sample workspace, run once against the embedded default. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the sample API (and the embedded PostgreSQL) on 127.0.0.1, runs the sample workspace"
          + " once and prints the results.",
      "With --keep, keeps them running and prints how to reach them."
    })
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(names = "--keep", description = "keep the sample API and database running until Ctrl+C")
  boolean keep;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      converter = Counts.AtLeastZero.class,
      description = "rows printed per panel (default 10)")
  int maxRows = 10;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = AppDirs.forUser().data().resolve("pg");
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "starting the embedded PostgreSQL in "
            + dataDir
            + " (the first start creates the sample database, about a minute)…");
    err.flush();
    try (SampleApi api = SampleApi.start();
        EmbeddedDatabase database =
            new EmbeddedDatabase(dataDir, EmbeddedDatabase.SAMPLE_ORDERS).startInBackground();
        Engine engine = Fetchboard.newEngine(EngineConfig.DEFAULT, database)) {
      Workspace workspace = SampleWorkspace.pointedAt(SampleWorkspace.bundled(), api.baseUrl());
      out.println("Sample API (sample data only): " + api.baseUrl() + "/api/…");
      out.println();
      List<PanelSpec> panels = workspace.panels();
      var batch = engine.run(workspace, panels, e -> {});
      var printer = new TablePrinter(out, maxRows);
      int failed = 0;
      for (int i = 0; i < panels.size(); i++) {
        RunResult r = batch.take(i);
        failed += r.ok() ? 0 : 1;
        printer.result(panels.get(i), r);
      }
      printer.finish(panels.size(), failed);
      if (keep) {
        out.println();
        out.println("Running (Ctrl+C stops). Try:");
        out.println("  curl " + api.baseUrl() + "/api/orders?limit=3");
        // The read-only role's URI: a password shown on a terminal should open nothing more.
        out.println("  psql " + database.psqlUri());
        out.println("  (as " + SampleDatabase.READER + ", which may only read the sample)");
        out.flush();
        Thread.currentThread().join();
      }
      return failed == 0 ? FetchboardCommand.OK : FetchboardCommand.FAILED;
    }
  }
}
