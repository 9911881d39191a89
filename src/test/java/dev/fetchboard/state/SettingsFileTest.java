package dev.fetchboard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  @TempDir Path dir;

  @Test
  void settingsSurviveASaveAndALoad() throws Exception {
    var file = new SettingsFile(dir.resolve("config"));
    var s =
        Settings.defaults()
            .withTheme(Settings.DARK)
            .withWindow(new Settings.WindowBounds(10, 20, 1300, 850, false))
            .withOpened(dir.resolve("a.yaml"));
    file.save(s);
    var loaded = file.load();
    assertThat(loaded.notice()).isNull();
    assertThat(loaded.settings()).isEqualTo(s);
    assertThat(loaded.settings().lastWorkspace()).isEqualTo(dir.resolve("a.yaml").toString());
  }

  @Test
  void aMissingFileGivesDefaultsWithoutANotice() {
    var loaded = new SettingsFile(dir).load();
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.notice()).isNull();
    assertThat(loaded.writable()).isTrue();
  }

  @Test
  void aCorruptFileIsMovedAsideKeptAndReported() throws Exception {
    Path bad = dir.resolve(SettingsFile.NAME);
    Files.writeString(bad, "{\"theme\": \"dark\", \"window\": [oops");
    byte[] before = Files.readAllBytes(bad);
    var loaded = new SettingsFile(dir).load();
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.notice()).contains("unreadable").contains("kept as settings.json.corrupt-");
    assertThat(Files.exists(bad))
        .as("the bad file is not left where a save would replace it")
        .isFalse();
    try (var files = Files.list(dir)) {
      Path aside =
          files
              .filter(p -> p.getFileName().toString().contains("corrupt"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readAllBytes(aside)).isEqualTo(before);
      assertThat(loaded.notice()).contains(aside.getFileName().toString());
    }
  }

  @Test
  void recentFilesAreBoundedMostRecentFirstWithoutDuplicates() {
    var s = Settings.defaults();
    for (int i : IntStream.range(0, 15).toArray()) {
      s = s.withOpened(dir.resolve("w" + i + ".yaml"));
    }
    s = s.withOpened(dir.resolve("w12.yaml"));
    assertThat(s.recentFiles()).hasSize(Settings.MAX_RECENT);
    assertThat(s.recentFiles().getFirst()).endsWith("w12.yaml");
    assertThat(s.recentFiles().get(1)).endsWith("w14.yaml");
    assertThat(s.recentFiles()).doesNotHaveDuplicates();
    s = s.withoutRecent(dir.resolve("w12.yaml").toString());
    assertThat(s.recentFiles())
        .hasSize(Settings.MAX_RECENT - 1)
        .noneMatch(f -> f.endsWith("w12.yaml"));
    assertThat(s.lastWorkspace()).isNull();
  }

  @Test
  void unknownKeysAndAnUnknownThemeDoNotSpoilTheRest() throws Exception {
    Files.writeString(
        dir.resolve(SettingsFile.NAME),
        "{\"theme\": \"purple\", \"future\": 1, \"recentFiles\": [\"/a.yaml\"]}");
    var loaded = new SettingsFile(dir).load();
    assertThat(loaded.notice()).isNull();
    assertThat(loaded.settings().theme()).isEqualTo(Settings.LIGHT);
    assertThat(loaded.settings().recentFiles()).containsExactly("/a.yaml");
  }
}
