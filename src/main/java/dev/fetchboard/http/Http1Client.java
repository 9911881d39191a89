package dev.fetchboard.http;

import dev.fetchboard.engine.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongConsumer;

/**
 * A lean HTTP/1.1 client for plain {@code http://} without a proxy: blocking sockets on virtual
 * threads and a keep-alive pool per host. {@link java.net.http.HttpClient} stays in charge of TLS,
 * HTTP/2 and proxies; this exists because on loopback the JDK client tops out several times below
 * what the server can serve (see bench/RESULTS.md), and a dashboard's load probe should measure the
 * server, not its own client.
 */
final class Http1Client implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int MAX_HEADER_BYTES = 384 * 1024;
  private static final int MAX_IDLE_PER_HOST = 512;

  private final ConcurrentHashMap<String, ConcurrentLinkedDeque<Connection>> idle =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Sends one request and reads the whole response (no redirects followed).
   *
   * @param cap the most body bytes to read; past it the connection is dropped
   */
  IncomingResponse exchange(
      OutgoingRequest request, long cap, Cancellation cancellation, LongConsumer progress)
      throws IOException {
    URI uri = request.uri();
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    EncodedHead encoded = headFor(request, uri, port);
    byte[] head = encoded.bytes();
    var pool = encoded.pool();
    for (int attempt = 0; ; attempt++) {
      Connection c = pool.pollLast();
      boolean reused = c != null;
      if (c == null) {
        c = Connection.open(uri.getHost(), port);
      }
      try (var abort = cancellation.onCancel(c::close)) {
        c.write(head, request.body());
        if (reused && Thread.currentThread().isVirtual()) {
          // Let the other runs on this carrier go first: by the time this one reads, the answer
          // has usually arrived, so the read does not park on the JDK's poller (an epoll_ctl, a
          // wake-up of the poller thread and an unpark per request otherwise).
          Thread.yield();
        }
        IncomingResponse response = c.read(request, cap, progress);
        if (c.reusable && !closed && pool.size() < MAX_IDLE_PER_HOST) {
          pool.offerLast(c);
        } else {
          c.close();
        }
        return response;
      } catch (IOException | RuntimeException e) {
        c.close();
        // A kept-alive connection the server closed meanwhile fails before any answer: retry
        // once on a new one, as browsers do.
        if (reused && !c.answered && attempt == 0 && !cancellation.isCancelled()) {
          continue;
        }
        throw e;
      }
    }
  }

  /** Opens up to {@code n} connections to the URL's host ahead of use (load probes). */
  void preconnect(URI uri, int n) throws InterruptedException {
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    var pool = idle.computeIfAbsent(uri.getHost() + ":" + port, k -> new ConcurrentLinkedDeque<>());
    int want = Math.min(n, MAX_IDLE_PER_HOST) - pool.size();
    try (var exec =
        java.util.concurrent.Executors.newThreadPerTaskExecutor(
            dev.fetchboard.engine.Workers.virtual("http-warm-up"))) {
      for (int i = 0; i < want; i++) {
        exec.execute(
            () -> {
              try {
                pool.offerLast(Connection.open(uri.getHost(), port));
              } catch (IOException ignored) {
                // the timed requests will report it
              }
            });
      }
    }
  }

  /**
   * Repeat runs send the same request object many times: its head is encoded, and its pool looked
   * up, once.
   */
  private EncodedHead headFor(OutgoingRequest r, URI uri, int port) throws ProtocolException {
    var last = lastHead;
    if (last != null && last.request() == r) {
      return last;
    }
    var pool = idle.computeIfAbsent(uri.getHost() + ":" + port, k -> new ConcurrentLinkedDeque<>());
    var encoded = new EncodedHead(r, head(r, uri, port), pool);
    lastHead = encoded;
    return encoded;
  }

  private record EncodedHead(
      OutgoingRequest request, byte[] bytes, ConcurrentLinkedDeque<Connection> pool) {}

  private volatile EncodedHead lastHead;

  private static byte[] head(OutgoingRequest r, URI uri, int port) throws ProtocolException {
    var sb = new StringBuilder(256);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    sb.append(r.method()).append(' ').append(path);
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    sb.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
    if (port != 80) {
      sb.append(':').append(port);
    }
    sb.append("\r\n");
    for (Map.Entry<String, String> h : r.headers()) {
      String v = h.getValue();
      if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
        throw new ProtocolException("header " + h.getKey() + " contains a line break");
      }
      sb.append(h.getKey()).append(": ").append(v).append("\r\n");
    }
    if (r.body() != null) {
      sb.append("Content-Length: ").append(r.body().length).append("\r\n");
    } else if (r.method().equals("POST")
        || r.method().equals("PUT")
        || r.method().equals("PATCH")) {
      sb.append("Content-Length: 0\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    idle.values().forEach(q -> q.forEach(Connection::close));
    idle.clear();
  }

  /** One TCP connection with its own read buffer. */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    boolean reusable;
    boolean answered;

    private Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    static Connection open(String host, int port) throws IOException {
      var s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        return new Connection(s);
      } catch (IOException e) {
        s.close();
        throw e;
      }
    }

    void write(byte[] head, byte[] body) throws IOException {
      if (body == null || body.length == 0) {
        out.write(head);
      } else if (body.length < 8192) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
      } else {
        out.write(head);
        out.write(body);
      }
      out.flush();
    }

    IncomingResponse read(OutgoingRequest request, long cap, LongConsumer progress)
        throws IOException {
      answered = false;
      int[] headerBytes = {0};
      String statusLine;
      int status;
      ResponseHeaders headers;
      do {
        statusLine = line(headerBytes);
        if (!statusLine.startsWith("HTTP/")) {
          throw new ProtocolException("not an HTTP response: " + clip(statusLine));
        }
        status = statusCode(statusLine);
        headers = headers(headerBytes);
      } while (status >= 100 && status < 200 && status != 101);
      long headersAt = System.nanoTime();
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      String connection = headers.first("connection");
      reusable =
          http10
              ? "keep-alive".equalsIgnoreCase(connection)
              : !"close".equalsIgnoreCase(connection);
      byte[] body;
      String te = headers.first("transfer-encoding");
      String length = headers.first("content-length");
      if (request.method().equals("HEAD") || status == 204 || status == 304) {
        body = new byte[0];
      } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = chunked(cap, progress);
      } else if (length != null) {
        long n;
        try {
          n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
          throw new ProtocolException("bad Content-Length: " + clip(length));
        }
        if (n > cap) {
          throw new CappedBodySubscriber.TooLargeException();
        }
        body = fixed((int) n, progress);
      } else {
        reusable = false;
        body = untilClose(cap, progress);
      }
      return new IncomingResponse(status, headers, body, headersAt, request.uri());
    }

    private byte[] fixed(int n, LongConsumer progress) throws IOException {
      byte[] body = new byte[n];
      int got = 0;
      while (got < n) {
        if (pos == lim && fill() < 0) {
          throw new EOFException("connection closed before the response was complete");
        }
        int take = Math.min(n - got, lim - pos);
        System.arraycopy(buf, pos, body, got, take);
        pos += take;
        got += take;
        if (got < n) {
          progress.accept(got);
        }
      }
      return body;
    }

    private byte[] chunked(long cap, LongConsumer progress) throws IOException {
      var outBytes = new ByteArrayOutputStream();
      int[] ignored = {0};
      while (true) {
        String sizeLine = line(ignored);
        int semi = sizeLine.indexOf(';');
        String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
        long size;
        try {
          size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new ProtocolException("bad chunk size: " + clip(sizeLine));
        }
        if (size == 0) {
          while (!line(ignored).isEmpty()) {
            // trailers are read and dropped
          }
          return outBytes.toByteArray();
        }
        if (outBytes.size() + size > cap) {
          throw new CappedBodySubscriber.TooLargeException();
        }
        long left = size;
        while (left > 0) {
          if (pos == lim && fill() < 0) {
            throw new EOFException("connection closed before the response was complete");
          }
          int take = (int) Math.min(left, lim - pos);
          outBytes.write(buf, pos, take);
          pos += take;
          left -= take;
        }
        progress.accept(outBytes.size());
        line(ignored);
      }
    }

    private byte[] untilClose(long cap, LongConsumer progress) throws IOException {
      var outBytes = new ByteArrayOutputStream();
      while (true) {
        if (pos == lim && fill() < 0) {
          return outBytes.toByteArray();
        }
        if (outBytes.size() + (lim - pos) > cap) {
          throw new CappedBodySubscriber.TooLargeException();
        }
        outBytes.write(buf, pos, lim - pos);
        pos = lim;
        progress.accept(outBytes.size());
      }
    }

    private int fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n > 0) {
        pos = 0;
        lim = n;
        answered = true;
      }
      return n;
    }

    /** One header-section line without its CR LF, counting bytes against the header limit. */
    private String line(int[] count) throws IOException {
      // Usually the whole line is in the buffer already: one String, no builder.
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          count[0] += i - pos;
          if (count[0] > MAX_HEADER_BYTES) {
            throw new ProtocolException("Header size too big: response headers are too large");
          }
          int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          return line;
        }
      }
      var sb = new StringBuilder(64);
      while (true) {
        if (pos == lim && fill() < 0) {
          throw new EOFException("connection closed before the response was complete");
        }
        int start = pos;
        while (pos < lim && buf[pos] != '\n') {
          pos++;
        }
        sb.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
        count[0] += pos - start;
        if (count[0] > MAX_HEADER_BYTES) {
          throw new ProtocolException("Header size too big: response headers are too large");
        }
        if (pos < lim) {
          pos++;
          int end = sb.length();
          if (end > 0 && sb.charAt(end - 1) == '\r') {
            sb.setLength(end - 1);
          }
          return sb.toString();
        }
      }
    }

    private ResponseHeaders headers(int[] count) throws IOException {
      var headers = new ResponseHeaders();
      while (true) {
        int nl = pos;
        while (nl < lim && buf[nl] != '\n') {
          nl++;
        }
        if (nl == lim) {
          // The line goes past what is buffered: the general path, one String per line.
          String l = line(count);
          if (l.isEmpty()) {
            return headers;
          }
          int colon = l.indexOf(':');
          if (colon > 0) {
            String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.add(name, l.substring(colon + 1).trim());
          }
          continue;
        }
        // The whole line is buffered (the usual case): name and value straight from the bytes.
        count[0] += nl - pos;
        if (count[0] > MAX_HEADER_BYTES) {
          throw new ProtocolException("Header size too big: response headers are too large");
        }
        int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
        int start = pos;
        pos = nl + 1;
        if (end == start) {
          return headers;
        }
        int colon = start;
        while (colon < end && buf[colon] != ':') {
          colon++;
        }
        if (colon == start || colon == end) {
          continue;
        }
        headers.add(lowerName(start, colon), latin1Trimmed(colon + 1, end));
      }
    }

    /** The bytes as ISO-8859-1 text without the spaces and controls String.trim removes. */
    private String latin1Trimmed(int from, int to) {
      while (from < to && (buf[from] & 0xff) <= ' ') {
        from++;
      }
      while (to > from && (buf[to - 1] & 0xff) <= ' ') {
        to--;
      }
      return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * A header name trimmed and lower-cased as {@code toLowerCase(Locale.ROOT)} would; ASCII
     * letters are lowered in the buffer itself (those bytes are consumed already).
     */
    private String lowerName(int from, int to) {
      for (int i = from; i < to; i++) {
        byte b = buf[i];
        if (b < 0) {
          return latin1Trimmed(from, to).toLowerCase(Locale.ROOT);
        }
        if (b >= 'A' && b <= 'Z') {
          buf[i] = (byte) (b + ('a' - 'A'));
        }
      }
      return latin1Trimmed(from, to);
    }

    /** The code of "HTTP/1.1 200 OK" (or "HTTP/1.1 200"): exactly three digits, nothing else. */
    private static int statusCode(String line) throws ProtocolException {
      int sp = line.indexOf(' ');
      boolean ok = sp > 0 && line.length() >= sp + 4;
      ok = ok && (line.length() == sp + 4 || line.charAt(sp + 4) == ' ');
      int code = 0;
      for (int i = sp + 1; ok && i < sp + 4; i++) {
        char d = line.charAt(i);
        ok = d >= '0' && d <= '9';
        code = code * 10 + (d - '0');
      }
      if (!ok || code < 100) {
        throw new ProtocolException("bad status line: " + clip(line));
      }
      return code;
    }

    private static String clip(String s) {
      return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }
}
