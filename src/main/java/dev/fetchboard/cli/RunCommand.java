package dev.fetchboard.cli;

import dev.fetchboard.Fetchboard;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RepeatResult;
import dev.fetchboard.engine.RunEvent;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.workspace.Durations;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fetchboard run}: runs a workspace's panels at once and prints their results. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the panels of a workspace concurrently and prints each result.",
      "Exit code 0 when every panel succeeded and every check held, 1 when any failed,"
          + " 2 for usage or file errors."
    })
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin WorkspaceOptions workspaceOptions;

  @Option(
      names = {"-p", "--panel"},
      paramLabel = "ID",
      description = "run only this panel (repeatable); default: all panels")
  List<String> panelIds = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table (people), json (one object per panel per line) or csv; default: table")
  String format = "table";

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      converter = Counts.AtLeastOne.class,
      description = "runs in flight at once (default 64; with --repeat, the repeat's concurrency)")
  Integer concurrency;

  @Option(
      names = "--per-host",
      paramLabel = "N",
      converter = Counts.AtLeastOne.class,
      description = "runs at once against one HTTP host (default 16, or --concurrency if higher)")
  Integer perHost;

  @Option(
      names = {"-n", "--repeat"},
      paramLabel = "N",
      converter = Counts.AtLeastOne.class,
      description = "run each panel N times and print latency percentiles and throughput")
  Integer repeat;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "DURATION",
      description = "timeout for every panel, e.g. 5s or 500ms (overrides the workspace)")
  String timeout;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write results to FILE instead of the terminal (written whole, then renamed)")
  Path output;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      converter = Counts.AtLeastZero.class,
      description = "rows printed per panel in table format (default 20; json and csv print all)")
  int maxPrintedRows = 20;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    OutputFormat outputFormat;
    try {
      outputFormat = OutputFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return usage(err, "--format must be table, json or csv, not '" + format + "'");
    }
    if (concurrency != null && (concurrency < 1 || concurrency > 10_000)) {
      return usage(err, "--concurrency must be between 1 and 10000");
    }
    if (perHost != null && (perHost < 1 || perHost > 10_000)) {
      return usage(err, "--per-host must be between 1 and 10000");
    }
    if (repeat != null && (repeat < 1 || repeat > 10_000_000)) {
      return usage(err, "--repeat must be between 1 and 10000000");
    }
    if (maxPrintedRows < 0) {
      return usage(err, "--max-rows must not be negative");
    }
    Duration timeoutOverride = null;
    if (timeout != null) {
      try {
        timeoutOverride = Durations.parse(timeout);
      } catch (IllegalArgumentException e) {
        return usage(err, "--timeout: " + e.getMessage());
      }
      if (timeoutOverride.isZero()) {
        return usage(err, "--timeout must be more than 0");
      }
    }
    Workspace workspace = workspaceOptions.load(err, "run");
    if (workspace == null) {
      return FetchboardCommand.USAGE;
    }
    List<PanelSpec> panels = select(workspace, err);
    if (panels == null) {
      return FetchboardCommand.USAGE;
    }
    if (panels.isEmpty()) {
      return usage(err, workspaceOptions.file + " has no panels to run");
    }
    if (panels.stream().anyMatch(p -> p.asSql().isPresent())) {
      // Only when a query will run: on two cores, loading the driver beside an HTTP load probe
      // slows the probe.
      dev.fetchboard.sql.SqlSource.preloadInBackground();
    }
    if (timeoutOverride != null) {
      panels = TimeoutOverride.apply(panels, timeoutOverride);
    }
    int inFlight = concurrency == null ? EngineConfig.DEFAULT.maxInFlight() : concurrency;
    int hostLimit =
        perHost != null
            ? perHost
            : Math.max(EngineConfig.DEFAULT.perHost(), concurrency == null ? 0 : concurrency);
    try (Engine engine = Fetchboard.newEngine(new EngineConfig(inFlight, hostLimit));
        var sink = OutputSink.open(output, spec.commandLine().getOut())) {
      Thread cancelOnExit = new Thread(engine::cancelAll, "fetchboard-cancel-on-exit");
      Runtime.getRuntime().addShutdownHook(cancelOnExit);
      try {
        ResultPrinter printer = printer(outputFormat, sink.writer());
        int failed =
            repeat != null
                ? repeatAll(engine, workspace, panels, printer, repeat, inFlight)
                : runAll(engine, workspace, panels, printer, err);
        printer.finish(panels.size(), failed);
        sink.commit();
        return failed == 0 ? FetchboardCommand.OK : FetchboardCommand.FAILED;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(cancelOnExit);
        } catch (IllegalStateException ignored) {
          // Already shutting down: the hook runs and cancels what is left.
        }
      }
    } catch (IOException e) {
      err.println(
          "fetchboard: cannot write "
              + (output == null ? "output" : output)
              + ": "
              + e.getMessage());
      return FetchboardCommand.USAGE;
    }
  }

  private int runAll(
      Engine engine,
      Workspace workspace,
      List<PanelSpec> panels,
      ResultPrinter printer,
      PrintWriter err)
      throws InterruptedException, IOException {
    var progress = ProgressLine.forTerminal(err, panels.size());
    var batch =
        engine.run(
            workspace,
            panels,
            event -> {
              if (event instanceof RunEvent.Finished) {
                progress.finished();
              } else if (event instanceof RunEvent.Started) {
                progress.started();
              }
            });
    // Print in panel order as soon as each next result is in, then let it go: a run of many big
    // results never holds them all in memory.
    int failed = 0;
    for (int i = 0; i < panels.size(); i++) {
      RunResult r = batch.take(i);
      if (i == 0) {
        progress.clear();
      }
      if (!r.ok()) {
        failed++;
      }
      printer.result(panels.get(i), r);
    }
    progress.clear();
    return failed;
  }

  private static int repeatAll(
      Engine engine,
      Workspace workspace,
      List<PanelSpec> panels,
      ResultPrinter printer,
      int count,
      int concurrency)
      throws InterruptedException, IOException {
    int failed = 0;
    for (PanelSpec panel : panels) {
      RepeatResult r = engine.repeat(workspace, panel, count, concurrency);
      if (!r.ok()) {
        failed++;
      }
      printer.repeat(panel, r);
    }
    return failed;
  }

  private List<PanelSpec> select(Workspace workspace, PrintWriter err) {
    if (panelIds.isEmpty()) {
      return workspace.panels();
    }
    var out = new ArrayList<PanelSpec>();
    for (String id : new LinkedHashSet<>(panelIds)) {
      var panel = workspace.panel(id);
      if (panel.isEmpty()) {
        usage(
            err,
            "no panel with id '"
                + id
                + "' in "
                + workspaceOptions.file
                + WorkspaceOptions.known(workspace.panels().stream().map(PanelSpec::id).toList()));
        return null;
      }
      out.add(panel.get());
    }
    return out;
  }

  private ResultPrinter printer(OutputFormat outputFormat, Writer writer) {
    return switch (outputFormat) {
      case TABLE -> new TablePrinter(writer, maxPrintedRows);
      case JSON -> new JsonLinesPrinter(writer);
      case CSV -> new CsvPrinter(writer);
    };
  }

  private static int usage(PrintWriter err, String message) {
    err.println("fetchboard run: " + message);
    return FetchboardCommand.USAGE;
  }

  /** Where results go: the terminal, or a file written whole and then renamed into place. */
  private static final class OutputSink implements AutoCloseable {
    private final Writer writer;
    private final Path temp;
    private final Path target;
    private boolean committed;

    private OutputSink(Writer writer, Path temp, Path target) {
      this.writer = writer;
      this.temp = temp;
      this.target = target;
    }

    static OutputSink open(Path file, PrintWriter terminal) throws IOException {
      if (file == null) {
        return new OutputSink(terminal, null, null);
      }
      Path target = file.toAbsolutePath();
      Path dir = target.getParent();
      if (Files.isDirectory(target)) {
        throw new IOException(file + " is a folder");
      }
      if (target.toString().startsWith("/dev/")) {
        // A device such as /dev/null cannot be renamed over: write to it directly.
        return new OutputSink(
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                1 << 16),
            null,
            null);
      }
      if (dir == null || !Files.isDirectory(dir)) {
        throw new IOException("there is no folder " + dir);
      }
      Path temp;
      try {
        temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      } catch (java.nio.file.AccessDeniedException e) {
        // These exceptions' own message is only the temp file's path.
        throw new IOException("no permission to write in " + dir, e);
      } catch (java.nio.file.FileSystemException e) {
        throw new IOException(
            "cannot make a file in " + dir + (e.getReason() == null ? "" : ": " + e.getReason()),
            e);
      }
      var w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
      return new OutputSink(w, temp, target);
    }

    Writer writer() {
      return writer;
    }

    void commit() throws IOException {
      writer.flush();
      if (temp != null) {
        writer.close();
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (temp != null) {
        writer.close();
        if (!committed) {
          Files.deleteIfExists(temp);
        }
      } else if (!(writer instanceof PrintWriter)) {
        writer.close();
      } else {
        writer.flush();
      }
    }
  }
}
