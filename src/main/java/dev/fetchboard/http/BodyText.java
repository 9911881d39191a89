package dev.fetchboard.http;

import dev.fetchboard.workspace.ByteSize;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns body bytes into text for people: charset from the headers, binary shown as a hex preview.
 */
final class BodyText {
  private static final int BINARY_SNIFF = 8192;
  private static final int HEX_PREVIEW = 512;

  private BodyText() {}

  /** Text to show, whether the body was binary, and a notice about anything lossy. */
  record Decoded(String text, boolean binary, String notice, boolean utf8) {}

  static Decoded decode(byte[] bytes, String contentType) {
    if (isBinary(bytes, contentType)) {
      int n = Math.min(bytes.length, HEX_PREVIEW);
      String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n);
      String note =
          "binary body, "
              + ByteSize.human(bytes.length)
              + (contentType == null ? "" : " (" + contentType + ")")
              + (n < bytes.length ? "; first " + n + " bytes shown as hex" : "; shown as hex");
      return new Decoded(hex, true, note, false);
    }
    Charset charset = charset(contentType);
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Decoded(text, false, null, charset.equals(StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      return new Decoded(
          new String(bytes, charset),
          false,
          "the body has bytes that are not valid " + charset.name() + " (shown as \uFFFD)",
          false);
    }
  }

  static boolean declaresJson(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  static boolean looksLikeJson(String contentType, String text) {
    if (declaresJson(contentType)) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static boolean isBinary(byte[] bytes, String contentType) {
    if (contentType != null) {
      String ct = contentType.toLowerCase(Locale.ROOT);
      if (ct.startsWith("image/")
          || ct.startsWith("audio/")
          || ct.startsWith("video/")
          || ct.startsWith("application/octet-stream")
          || ct.startsWith("application/pdf")
          || ct.startsWith("application/zip")
          || ct.startsWith("application/gzip")) {
        return true;
      }
    }
    int n = Math.min(bytes.length, BINARY_SNIFF);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          String name = p.substring(8).replace("\"", "").trim();
          try {
            return Charset.forName(name);
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
