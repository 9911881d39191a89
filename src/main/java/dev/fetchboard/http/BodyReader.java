package dev.fetchboard.http;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.ByteSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Decodes gzip and deflate bodies, holding the decoded size to the cap (no zip bombs). */
final class BodyReader {
  private static final int CHUNK = 64 * 1024;

  private BodyReader() {}

  static byte[] decode(byte[] raw, String contentEncoding, long cap)
      throws IOException, RunFailure {
    if (contentEncoding == null) {
      return raw;
    }
    String enc = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (!enc.equals("gzip") && !enc.equals("x-gzip") && !enc.equals("deflate")) {
      return raw;
    }
    try (InputStream in = open(raw, enc)) {
      var out = new ByteArrayOutputStream(Math.min(raw.length * 4, CHUNK * 16));
      byte[] buf = new byte[CHUNK];
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > cap) {
          throw tooLarge(cap);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  static RunFailure tooLarge(long cap) {
    return new RunFailure(
        ErrorKind.TOO_LARGE,
        "response larger than the " + ByteSize.human(cap) + " cap (raise maxBytes to read more)");
  }

  private static InputStream open(byte[] raw, String enc) throws IOException {
    var in = new ByteArrayInputStream(raw);
    if (!enc.equals("deflate")) {
      return new GZIPInputStream(in, CHUNK);
    }
    // "deflate" should be zlib-wrapped, but some servers send raw deflate: look at the header.
    boolean zlib = raw.length > 0 && (raw[0] & 0x0f) == 8;
    return new InflaterInputStream(in, new Inflater(!zlib), CHUNK);
  }
}
