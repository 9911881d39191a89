package dev.fetchboard.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fetchboard.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * settings.json in the config folder. A file that cannot be read is moved aside (never overwritten)
 * and defaults are used; {@link Loaded#notice()} says so, for the status bar.
 */
public final class SettingsFile {
  /** The file's name inside the config folder. */
  public static final String NAME = "settings.json";

  /** Settings larger than this are not settings; they are treated as corrupt. */
  static final long MAX_BYTES = 256 * 1024;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path file;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SettingsFile(Path configDir) {
    this(configDir, Clock.systemDefaultZone());
  }

  SettingsFile(Path configDir, Clock clock) {
    this.file = configDir.resolve(NAME);
    this.clock = clock;
  }

  public Path path() {
    return file;
  }

  /**
   * What was read, and a message for the user when the file was unusable.
   *
   * @param writable false when a bad file could not be moved aside: then nothing is saved, so it is
   *     never overwritten
   */
  public record Loaded(Settings settings, @Nullable String notice, boolean writable) {}

  /** Reads the settings; never throws. */
  public Loaded load() {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return moveAside("it is larger than " + MAX_BYTES / 1024 + " KB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(Settings.defaults(), null, true);
    } catch (IOException e) {
      return new Loaded(
          Settings.defaults(),
          "cannot read " + file + " (" + e.getMessage() + "); using default settings",
          false);
    }
    try {
      Settings s = json.readValue(bytes, Settings.class);
      if (s == null) {
        return moveAside("it holds no settings");
      }
      return new Loaded(s, null, true);
    } catch (JsonProcessingException e) {
      return moveAside("it is not valid settings: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      return moveAside(e.getMessage());
    }
  }

  private Loaded moveAside(@Nullable String why) {
    Path aside = file.resolveSibling(NAME + ".corrupt-" + LocalDateTime.now(clock).format(STAMP));
    try {
      Files.move(file, aside);
      return new Loaded(
          Settings.defaults(),
          "settings were unreadable ("
              + why
              + "); kept as "
              + aside.getFileName()
              + ", using defaults",
          true);
    } catch (IOException e) {
      return new Loaded(
          Settings.defaults(),
          "settings were unreadable ("
              + why
              + ") and could not be moved aside ("
              + e.getMessage()
              + "); using defaults and not saving settings this session",
          false);
    }
  }

  /** Writes atomically, creating the config folder when needed. */
  public void save(Settings settings) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, json.writeValueAsBytes(settings));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
