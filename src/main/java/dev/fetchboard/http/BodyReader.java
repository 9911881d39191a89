package dev.fetchboard.http;

import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.ByteSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body as it streams in: decodes gzip and deflate, stops with a clear failure past
 * the size cap (so a huge or endless body cannot exhaust memory), and reports progress.
 */
final class BodyReader {
  private static final int CHUNK = 64 * 1024;

  private BodyReader() {}

  /** The decoded body and the bytes that came over the wire. */
  record Body(byte[] bytes, long wireBytes) {}

  static Body read(InputStream raw, String contentEncoding, long cap, RunContext ctx)
      throws IOException, RunFailure {
    var counting = new CountingStream(raw);
    try (InputStream in = decode(counting, contentEncoding)) {
      var out = new ByteArrayOutputStream((int) Math.min(cap, CHUNK));
      byte[] buf = new byte[CHUNK];
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > cap) {
          throw new RunFailure(
              RunError.of(
                  ErrorKind.TOO_LARGE,
                  "response larger than the "
                      + ByteSize.human(cap)
                      + " cap (raise maxBytes to read more)"),
              false,
              null);
        }
        out.write(buf, 0, n);
        ctx.progress(counting.count, 0, null);
      }
      return new Body(out.toByteArray(), counting.count);
    }
  }

  private static InputStream decode(InputStream in, String encoding) throws IOException {
    if (encoding == null) {
      return in;
    }
    return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in, CHUNK);
      case "deflate" -> inflate(in);
      default -> in;
    };
  }

  /** "deflate" should be zlib-wrapped, but some servers send raw deflate: look at the header. */
  private static InputStream inflate(InputStream in) throws IOException {
    var pushback = new PushbackInputStream(in, 1);
    int first = pushback.read();
    if (first >= 0) {
      pushback.unread(first);
    }
    boolean zlib = (first & 0x0f) == 8;
    return new InflaterInputStream(pushback, new Inflater(!zlib), CHUNK);
  }

  private static final class CountingStream extends InputStream {
    private final InputStream in;
    private volatile long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
