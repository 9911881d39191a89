package dev.fetchboard.sql.assist;

import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.sql.ToolConnections;
import dev.fetchboard.workspace.Problem;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import dev.fetchboard.workspace.yaml.YamlNode;
import dev.fetchboard.workspace.yaml.YamlTree;
import dev.fetchboard.workspace.yaml.YamlTreeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a workspace file as {@code fetchboard check} does: everything Open validates, every SQL
 * panel's query (errors at their line and column in the file), and with a connection each statement
 * described by its server and each connection tried.
 */
public final class WorkspaceCheck {
  private WorkspaceCheck() {}

  /** One thing found: 1-based line and column in the file (0 when unknown). */
  public record Finding(int line, int column, String where, String message) {}

  /**
   * The findings for workspace {@code text}; {@code connections} is null to check without
   * connecting.
   *
   * @throws WorkspaceException when the text is not a workspace at all
   */
  public static List<Finding> check(String text, Path file, ToolConnections connections)
      throws WorkspaceException, InterruptedException {
    var out = new ArrayList<Finding>();
    WorkspaceFile.Parsed parsed = new WorkspaceFile().parseLenient(text, file);
    for (Problem p : parsed.problems()) {
      out.add(new Finding(p.line(), p.column(), p.where(), p.message()));
    }
    YamlTree tree;
    try {
      tree = YamlTree.parse(text, text.length() + 1);
    } catch (YamlTreeException e) {
      return out; // already reported by the parse above
    }
    Workspace workspace = parsed.workspace();
    Map<String, Connection> open = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    try {
      List<YamlNode> panels = items(child(tree.root(), "panels"));
      for (int i = 0; i < panels.size(); i++) {
        YamlNode sql = child(panels.get(i), "sql");
        if (!(child(sql, "query") instanceof YamlNode.Scalar query)) {
          continue;
        }
        String where = "panels[" + i + "].sql.query";
        String sqlText = query.value();
        SqlChecker.Result result = SqlChecker.check(sqlText, CatalogView.EMPTY);
        for (SqlProblem p : result.problems()) {
          out.add(at(text, query, sqlText, p, where));
        }
        if (connections == null || !result.problems().isEmpty()) {
          continue;
        }
        String name = child(sql, "connection") instanceof YamlNode.Scalar c ? c.value() : null;
        Connection conn = name == null ? null : connect(connections, workspace, name, open, failed);
        if (conn == null) {
          continue;
        }
        for (SqlChecker.Statement s : SqlChecker.statements(sqlText)) {
          try {
            SqlProblem p = ServerCheck.describe(conn, sqlText, s.start(), s.end());
            if (p != null) {
              out.add(at(text, query, sqlText, p, where));
            }
          } catch (SQLException e) {
            failed.put(name, ToolConnections.message(e));
            break;
          }
        }
      }
      failed.forEach(
          (name, message) -> {
            int[] at = tree.locate("connections." + name);
            out.add(new Finding(at[0], at[1], "connections." + name, message));
          });
    } finally {
      for (Connection c : open.values()) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing after the check: nothing to tell
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
    return out;
  }

  private static Connection connect(
      ToolConnections connections,
      Workspace workspace,
      String name,
      Map<String, Connection> open,
      Map<String, String> failed)
      throws InterruptedException {
    if (open.containsKey(name) || failed.containsKey(name)) {
      return open.get(name);
    }
    try {
      Connection c = connections.open(connections.target(workspace, name));
      open.put(name, c);
      return c;
    } catch (RunFailure e) {
      failed.put(name, e.getMessage());
      return null;
    }
  }

  /** A problem at offset {@code p.start()} of a query, placed at its line:column in the file. */
  static Finding at(String file, YamlNode.Scalar node, String value, SqlProblem p, String where) {
    int[] inValue = p.lineColumn(value);
    String[] lines = value.split("\n", -1);
    int pos = node.start();
    int found = -1;
    for (int j = 0; j < inValue[0] && j < lines.length; j++) {
      String line = lines[j].strip();
      int idx = file.indexOf(line, pos);
      if (idx < 0 || idx > node.end()) {
        found = -1;
        break;
      }
      int lead = lines[j].length() - lines[j].stripLeading().length();
      found = idx - lead;
      pos = idx + line.length();
    }
    if (found < 0) {
      return new Finding(node.line() + 1, node.column() + 1, where, p.message());
    }
    int offset = found + inValue[1] - 1;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < file.length(); i++) {
      if (file.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Finding(line, offset - lineStart + 1, where, p.message());
  }

  private static YamlNode child(YamlNode node, String key) {
    if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        if (e.key().value().equals(key)) {
          return e.value();
        }
      }
    }
    return null;
  }

  private static List<YamlNode> items(YamlNode node) {
    return node instanceof YamlNode.Sequence s ? s.items() : List.of();
  }
}
