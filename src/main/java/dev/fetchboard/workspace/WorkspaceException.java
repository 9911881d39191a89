package dev.fetchboard.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * A workspace file that cannot be used: unreadable, malformed YAML, or invalid content. The message
 * names the file and, where known, the line and column of each problem.
 */
public final class WorkspaceException extends Exception {
  private final List<Problem> problems;

  public WorkspaceException(Path file, List<Problem> problems) {
    super(format(file, problems));
    this.problems = List.copyOf(problems);
  }

  public WorkspaceException(Path file, String message, Throwable cause) {
    super((file == null ? "" : file + ": ") + message, cause);
    this.problems = List.of(new Problem("", message, 0, 0));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(Path file, List<Problem> problems) {
    var sb = new StringBuilder();
    for (Problem p : problems) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      if (file != null) {
        sb.append(file);
        if (p.line() > 0) {
          sb.append(':').append(p.line()).append(':').append(p.column());
        }
        sb.append(": ");
      } else if (p.line() > 0) {
        sb.append("line ").append(p.line()).append(", column ").append(p.column()).append(": ");
      }
      sb.append(p.describe());
    }
    return sb.toString();
  }
}
