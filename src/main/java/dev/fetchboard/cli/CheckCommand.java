package dev.fetchboard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.sql.ToolConnections;
import dev.fetchboard.sql.assist.WorkspaceCheck;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fetchboard check}: a workspace validated and its SQL parsed (and described), for CI. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a workspace without running it: everything Open validates, and the SQL of every",
      "SQL panel, with problems at their line:column in the file. With --connect, each",
      "connection is tried and each statement described by its server (never run).",
      "Exit code 0 clean, 1 problems found, 2 usage or unreadable file."
    })
public final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "the workspace file (YAML)")
  Path file;

  @Option(names = "--connect", description = "try each connection and describe each statement")
  boolean connect;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text (file:line:column: message) or json (one object per line); default text")
  String format = "text";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("text") && !f.equals("json")) {
      err.println("fetchboard check: --format must be text or json, not '" + format + "'");
      return FetchboardCommand.USAGE;
    }
    List<WorkspaceCheck.Finding> findings;
    try {
      String text = new WorkspaceFile().readText(file);
      findings = WorkspaceCheck.check(text, file, connect ? new ToolConnections(null) : null);
    } catch (WorkspaceException e) {
      err.println(e.getMessage());
      return FetchboardCommand.USAGE;
    }
    var json = new ObjectMapper();
    for (WorkspaceCheck.Finding x : findings) {
      if (f.equals("json")) {
        var o = new LinkedHashMap<String, Object>();
        o.put("file", file.toString());
        o.put("line", x.line());
        o.put("column", x.column());
        o.put("where", x.where());
        o.put("message", x.message());
        out.println(json.writeValueAsString(o));
      } else {
        out.println(
            file
                + (x.line() > 0 ? ":" + x.line() + ":" + x.column() : "")
                + ": "
                + (x.where() == null || x.where().isEmpty() ? "" : x.where() + ": ")
                + x.message());
      }
    }
    out.flush();
    return findings.isEmpty() ? FetchboardCommand.OK : FetchboardCommand.FAILED;
  }
}
