package dev.fetchboard.embedded;

import dev.fetchboard.workspace.AtomicFiles;
import dev.fetchboard.workspace.Workspace;
import dev.fetchboard.workspace.WorkspaceException;
import dev.fetchboard.workspace.WorkspaceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample workspace a new user starts on: the file bundled in the app, copied once into the data
 * folder so it can be edited and saved, and pointed at the sample API that is actually running.
 */
public final class SampleWorkspace {
  /** Where the bundled sample lives on the class path. */
  public static final String RESOURCE = "/assets/sample-workspace.yaml";

  /** The file name of the user's copy. */
  public static final String FILE_NAME = "sample-workspace.yaml";

  private SampleWorkspace() {}

  /** The bundled sample's text. */
  public static String bundledText() {
    try (InputStream in = SampleWorkspace.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample workspace is missing from the app (" + RESOURCE + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The user's copy in {@code dataDir}, written from the bundled sample when it is not there yet.
   */
  public static Path install(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      AtomicFiles.write(file, bundledText().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** The bundled sample, parsed (it is part of the app, so a failure is a bug). */
  public static Workspace bundled() {
    try {
      return new WorkspaceFile().parse(bundledText(), Path.of(RESOURCE));
    } catch (WorkspaceException e) {
      throw new IllegalStateException(
          "the bundled sample workspace is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * The workspace with its {@code api} variable pointed at the running sample API (it may have had
   * to use another port than the one the file names). The change lives in memory only.
   */
  public static Workspace pointedAt(Workspace workspace, String apiBaseUrl) {
    if (workspace.environment() == null) {
      return workspace;
    }
    var envs = new LinkedHashMap<String, Map<String, String>>(workspace.environments());
    var vars = new LinkedHashMap<>(workspace.activeVariables());
    if (!vars.containsKey("api")) {
      return workspace;
    }
    vars.put("api", apiBaseUrl);
    envs.put(workspace.environment(), vars);
    return workspace.withEnvironments(envs);
  }
}
