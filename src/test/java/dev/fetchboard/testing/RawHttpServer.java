package dev.fetchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that answers with exactly the bytes a test gives, on kept-alive
 * connections, and records every request it read (method, target, headers, body, which connection).
 */
public final class RawHttpServer implements AutoCloseable {
  /** One request as read from the wire; header names are lower case. */
  public record Request(
      int connection, String method, String target, List<String[]> headers, byte[] body) {
    /** The first value of a header, or null. */
    public String header(String name) {
      for (String[] h : headers) {
        if (h[0].equals(name.toLowerCase(Locale.ROOT))) {
          return h[1];
        }
      }
      return null;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What to write for a request: the bytes, or null to close the connection without answering. */
  @FunctionalInterface
  public interface Responder {
    byte[] answer(Request request, Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Responder responder;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  public RawHttpServer(Responder responder) throws IOException {
    this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.responder = responder;
    Thread.ofVirtual().start(this::acceptLoop);
  }

  /** Bytes in ISO-8859-1, so a test can write any octet as a char. */
  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        int n = connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(s, n));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int connection) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Request r = read(in, connection);
        if (r == null) {
          return;
        }
        requests.add(r);
        byte[] answer = responder.answer(r, s);
        if (answer == null) {
          return;
        }
        out.write(answer);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the test is over
    } finally {
      open.remove(s);
    }
  }

  private static Request read(InputStream in, int connection) throws IOException {
    var head = new ByteArrayOutputStream();
    int c;
    int last = 0;
    while (last != 0x0d0a0d0a && (c = in.read()) >= 0) {
      head.write(c);
      last = (last << 8) | c;
    }
    if (last != 0x0d0a0d0a) {
      return null;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    var headers = new ArrayList<String[]>();
    int length = 0;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        headers.add(new String[] {name, value});
        if (name.equals("content-length")) {
          length = Integer.parseInt(value);
        }
      }
    }
    byte[] body = in.readNBytes(length);
    return new Request(connection, requestLine[0], requestLine[1], headers, body);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
