package dev.fetchboard.cli;

import dev.fetchboard.interop.ImportException;
import dev.fetchboard.interop.ImportFormat;
import dev.fetchboard.interop.ImportInput;
import dev.fetchboard.interop.ImportResult;
import dev.fetchboard.interop.Importers;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fetchboard import}: cURL, Postman, .http and OpenAPI documents into a workspace. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports requests into a workspace: a cURL command, a Postman v2.1 collection or environment,"
          + " a .http file or an OpenAPI 3 document (JSON or YAML).",
      "Without --into, prints the resulting workspace YAML. Exit code 0 ok, 2 usage or parse"
          + " errors."
    })
public final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Read from standard input instead of System.in (tests set it). */
  InputStream stdin = System.in;

  @Parameters(index = "0", paramLabel = "FILE", description = "the file to import; - for stdin")
  String file;

  @Option(
      names = {"-i", "--into"},
      paramLabel = "WORKSPACE",
      description = "merge into this workspace file (created if missing), saved atomically")
  Path into;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "curl, postman, http or openapi; default: detected from the content")
  String format;

  @Option(
      names = "--dry-run",
      description = "with --into: print the merged workspace instead of saving it")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    ImportFormat chosen = null;
    if (format != null) {
      try {
        chosen = ImportFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return usage(err, "--format must be curl, postman, http or openapi, not '" + format + "'");
      }
    }
    String text;
    try {
      if (into != null) {
        ImportInput.checkTarget(into); // before reading anything: /dev/full reads forever
      }
      text =
          file.equals("-") ? ImportInput.read(stdin, "<stdin>") : ImportInput.read(Path.of(file));
    } catch (ImportException e) {
      return usage(err, e.getMessage());
    }
    ImportResult result;
    try {
      result = chosen == null ? Importers.read(text) : Importers.read(text, chosen);
    } catch (ImportException e) {
      return usage(err, name() + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A parser defect must still end in one plain line, never a stack trace.
      return usage(
          err, name() + ": cannot import this input (an unexpected problem in the reader)");
    }
    var files = new WorkspaceFile();
    Workspace base;
    if (into != null && Files.exists(into)) {
      try {
        base = files.read(into);
      } catch (WorkspaceException e) {
        err.println(e.getMessage());
        return usage(err, "nothing was written: " + into + " did not load");
      }
    } else {
      base = Workspace.named(baseName());
    }
    Workspace merged = Importers.merge(base, result);
    List<Problem> problems = new WorkspaceValidator(false).validate(merged);
    if (!problems.isEmpty()) {
      for (Problem p : problems) {
        err.println("fetchboard import: " + p.describe());
      }
      return usage(err, "the imported panels are not valid; nothing was written");
    }
    for (String notice : result.notices()) {
      err.println("fetchboard import: note: " + notice);
    }
    if (into == null || dryRun) {
      out.print(files.toYaml(merged));
      out.flush();
    } else {
      try {
        files.write(merged, into);
      } catch (IOException e) {
        return usage(err, "cannot write " + into + ": " + e.getMessage());
      }
      err.println(
          "fetchboard import: added "
              + result.panels().size()
              + (result.panels().size() == 1 ? " panel" : " panels")
              + " to "
              + into);
    }
    return FetchboardCommand.OK;
  }

  private String name() {
    return file.equals("-") ? "<stdin>" : file;
  }

  private String baseName() {
    if (file.equals("-")) {
      return "Imported";
    }
    String n = Path.of(file).getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("fetchboard import: " + message);
    return FetchboardCommand.USAGE;
  }
}
