package dev.fetchboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.ImportOrderer;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import com.google.googlejavaformat.java.RemoveUnusedImports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's code-style gate: every Java file must be as google-java-format writes it. It runs as
 * a test because the formatter must parse Java 25 and Maven itself runs on JDK 17. Fix the tree
 * with {@code mvn test -Dtest=FormattingTest -Dformat.apply=true}.
 */
class FormattingTest {
  private final Formatter formatter = new Formatter();

  @Test
  void everyJavaFileIsFormatted() throws IOException, FormatterException {
    assertThat(unformatted(Boolean.getBoolean("format.apply")))
        .as("run: mvn test -Dtest=FormattingTest -Dformat.apply=true")
        .isEmpty();
  }

  /**
   * The same check as a program, which {@code mvn verify} runs even when tests are skipped
   * (pom.xml, exec-maven-plugin execution "format-check"); exits 1 naming the unformatted files.
   */
  public static void main(String[] args) throws IOException, FormatterException {
    List<String> unformatted = new FormattingTest().unformatted(false);
    if (!unformatted.isEmpty()) {
      System.err.println("Not formatted as google-java-format writes it:");
      unformatted.forEach(f -> System.err.println("  " + f));
      System.err.println("Fix: mvn test -Dtest=FormattingTest -Dformat.apply=true");
      System.exit(1);
    }
  }

  private List<String> unformatted(boolean apply) throws IOException, FormatterException {
    List<String> unformatted = new ArrayList<>();
    for (Path file : javaFiles()) {
      String original = Files.readString(file, StandardCharsets.UTF_8);
      String formatted =
          formatter.formatSource(
              RemoveUnusedImports.removeUnusedImports(
                  ImportOrderer.reorderImports(original, JavaFormatterOptions.Style.GOOGLE)));
      if (!formatted.equals(original)) {
        if (apply) {
          Files.writeString(file, formatted, StandardCharsets.UTF_8);
        } else {
          unformatted.add(file.toString());
        }
      }
    }
    return unformatted;
  }

  private static List<Path> javaFiles() throws IOException {
    var files = new ArrayList<Path>();
    for (String root : List.of("src/main/java", "src/test/java", "bench/src")) {
      Path dir = Path.of(root);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }
}
