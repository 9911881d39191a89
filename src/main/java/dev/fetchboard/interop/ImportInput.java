package dev.fetchboard.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads what is to be imported, within bounds decided before reading: a regular file by its size
 * (at most 8 MB), a pipe or standard input by reading at most 8 MB and one byte; devices, folders
 * and sockets are refused without reading them (a device such as /dev/zero never ends).
 */
public final class ImportInput {
  /** Inputs larger than this are refused. */
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  private ImportInput() {}

  /**
   * The UTF-8 text of {@code file} (a leading byte-order mark dropped).
   *
   * @throws ImportException naming the file: missing, unreadable, not a file, too large, not UTF-8
   */
  public static String read(Path file) throws ImportException {
    String kind = kind(file, "read");
    try {
      if (kind.equals("fifo")) {
        try (InputStream in = Files.newInputStream(file)) {
          return read(in, file.toString());
        }
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ImportException(file + ": the file is larger than 8 MB");
      }
      return decode(Files.readAllBytes(file), file.toString());
    } catch (AccessDeniedException e) {
      throw new ImportException(file + ": permission denied");
    } catch (IOException e) {
      throw new ImportException(file + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  /** At most 8 MB of UTF-8 text from {@code in}; {@code name} names it in messages. */
  public static String read(InputStream in, String name) throws ImportException {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ImportException(name + ": cannot read it (" + e.getMessage() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ImportException(name + ": the input is larger than 8 MB");
    }
    return decode(bytes, name);
  }

  /**
   * Checks the workspace an import goes into: missing (it will be made) or a regular file.
   *
   * @throws ImportException for a device, a folder, a pipe or a socket
   */
  public static void checkTarget(Path file) throws ImportException {
    if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS) && Files.notExists(file)) {
      return;
    }
    String kind = kind(file, "written");
    if (!kind.equals("file")) {
      throw new ImportException(
          file + ": not a regular file (a " + kind + "); nothing was written");
    }
  }

  /** "file", "fifo" (readable within bounds); anything else is refused here. */
  private static String kind(Path file, String verb) throws ImportException {
    if (Files.isDirectory(file)) {
      throw new ImportException(
          file
              + ": a folder, not "
              + (verb.equals("read") ? "a file to import" : "a workspace file")
              + "; nothing was "
              + verb);
    }
    if (Files.isRegularFile(file)) {
      return "file";
    }
    if (!Files.exists(file)) {
      throw new ImportException(file + ": no such file");
    }
    String kind = "special file";
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      switch (mode & S_IFMT) {
        case S_IFIFO -> kind = "fifo";
        case S_IFCHR, S_IFBLK -> kind = "device";
        case S_IFSOCK -> kind = "socket";
        default -> kind = "special file";
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // No unix view: refuse anything that is not a regular file.
    }
    if (kind.equals("fifo") && verb.equals("read")) {
      return kind; // a pipe such as <(cat x.curl) or /dev/stdin: read with a bound
    }
    throw new ImportException(file + ": not a regular file (a " + kind + "); nothing was " + verb);
  }

  private static String decode(byte[] bytes, String name) throws ImportException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ImportException(name + ": not UTF-8 text (is it the right file?)");
    }
  }
}
