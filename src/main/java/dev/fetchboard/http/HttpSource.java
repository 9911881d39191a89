package dev.fetchboard.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.HttpExchange;
import dev.fetchboard.engine.JsonPaths;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.ByteSize;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.ViewKind;
import dev.fetchboard.workspace.WorkspaceValidator;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs HTTP panels on shared {@link java.net.http.HttpClient}s: builds the request, streams the
 * body under its size cap, and turns JSON into a table or a value.
 */
public final class HttpSource implements Source {
  /** Rows kept from a JSON array. */
  public static final int MAX_ROWS = 100_000;

  private static final Duration SLACK = Duration.ofMillis(250);
  private final HttpClients clients;
  private final ObjectMapper json;

  public HttpSource() {
    this(EnvProxySelector.fromEnvironment(System.getenv()));
  }

  public HttpSource(ProxySelector proxy) {
    this.clients = new HttpClients(proxy);
    this.json = bodyMapper();
  }

  /**
   * The JSON mapper bodies are read with: numbers kept exact, deep or huge documents bounded (the
   * fuzz tests read with the same one).
   */
  static ObjectMapper bodyMapper() {
    var mapper =
        JsonMapper.builder()
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(
                com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(500)
                .maxStringLength(100_000_000)
                .build());
    return mapper;
  }

  @Override
  public boolean handles(SourceSpec spec) {
    return spec instanceof HttpRequestSpec;
  }

  @Override
  public RunError checkResolved(PanelSpec resolved) {
    String urlProblem = WorkspaceValidator.urlProblem(request(resolved).url());
    return urlProblem == null
        ? null
        : RunError.of(ErrorKind.INVALID_INPUT, "http.url: " + urlProblem);
  }

  /** The request of a panel this source was chosen for (see {@link #handles}). */
  private static HttpRequestSpec request(PanelSpec panel) {
    return panel.asHttp().orElseThrow();
  }

  @Override
  public String limitKey(PanelSpec panel) {
    URI uri = URI.create(request(panel).url().strip());
    return uri.getScheme() + "://" + HttpErrors.hostPort(uri);
  }

  @Override
  public Duration timeout(PanelSpec panel) {
    // The engine's watchdog covers the whole exchange, body included; the client's own timeout
    // (headers only) fires first with a more precise message.
    return request(panel).timeoutOrDefault().plus(SLACK);
  }

  @Override
  public int retries(PanelSpec panel) {
    return request(panel).idempotent() ? request(panel).retriesOrDefault() : 0;
  }

  @Override
  public SourceOutput run(PanelSpec panel, RunContext ctx) throws Exception {
    HttpRequestSpec spec = request(panel);
    OutgoingRequest request = requestFor(spec);
    long cap = spec.maxBytesOrDefault().bytes();
    ctx.markStarted();
    long start = System.nanoTime();
    OutgoingRequest current = request;
    IncomingResponse response;
    for (int hops = 0; ; hops++) {
      response = send(current, spec, cap, ctx);
      if (!spec.followRedirectsOrDefault()) {
        break;
      }
      var decision =
          RedirectPolicy.next(
              current,
              response.status(),
              response.header("location").orElse(null),
              hops,
              Boolean.TRUE.equals(spec.insecure()),
              value -> fromSecret(value, ctx));
      if (decision instanceof RedirectPolicy.Follow f) {
        current = f.next();
        continue;
      }
      if (decision instanceof RedirectPolicy.Refuse r) {
        throw new RunFailure(ErrorKind.PROTOCOL, r.message());
      }
      break;
    }
    Duration ttfb = Duration.ofNanos(Math.max(0, response.headersAtNanos() - start));
    byte[] raw = response.body();
    String encoding = response.header("content-encoding").orElse(null);
    byte[] body;
    try {
      body = BodyReader.decode(raw, encoding, cap);
    } catch (java.io.IOException e) {
      throw HttpErrors.undecodable(encoding, current.uri(), e);
    }
    SourceOutput out = output(panel, response, body, raw.length, ttfb, ctx);
    return current == request ? out : redirected(out, current.uri());
  }

  /** The output with the final URL in its notice, so the result shows where it came from. */
  private static SourceOutput redirected(SourceOutput out, URI finalUri) {
    return out.withNoticeFirst("redirected to " + finalUri);
  }

  /**
   * Opens up to {@code connections} pooled connections before a load probe by sending that many
   * copies of the panel's request at once, their answers discarded, so the timed runs measure
   * requests rather than connection set-up (java.net.http opens connections only for requests).
   * Only idempotent requests are sent; a POST is never sent to warm up.
   */
  @Override
  public void warmUp(PanelSpec panel, RunContext ctx, int connections) throws Exception {
    HttpRequestSpec spec = request(panel);
    if (!spec.idempotent() || connections < 2) {
      return;
    }
    var request = RequestBuilder.toJdk(requestFor(spec));
    var client = clients.get(Boolean.TRUE.equals(spec.insecure()));
    var all = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
    for (int i = 0; i < connections; i++) {
      all.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
    }
    try {
      java.util.concurrent.CompletableFuture.allOf(
              all.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
          .get(spec.timeoutOrDefault().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } finally {
      all.forEach(f -> f.cancel(true));
    }
  }

  /** True when a header value came from a secret (${env:…}): redacting it changes it. */
  private static boolean fromSecret(String value, RunContext ctx) {
    return ctx.resolver() != null && !value.equals(ctx.resolver().redact(value));
  }

  /** Refuses a response before its body is read, naming the server ("the server at h:p …"). */
  private static HttpResponse.BodySubscriber<byte[]> refuse(
      ErrorKind kind, OutgoingRequest request, String what) {
    return ResponseFraming.refuse(
        new ResponseFraming.Refused(
            kind, "the server at " + HttpErrors.hostPort(request.uri()) + " " + what));
  }

  /** Sends one request through java.net.http, the body read under its cap as it arrives. */
  // The cancel hook is a scope guard: closing it unhooks; the body needs no reference to it.
  @SuppressWarnings("try")
  private IncomingResponse send(
      OutgoingRequest request, HttpRequestSpec spec, long cap, RunContext ctx) throws Exception {
    var client = clients.get(Boolean.TRUE.equals(spec.insecure()));
    var headersAt = new AtomicLong();
    boolean head = request.method().equals("HEAD");
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          headersAt.set(System.nanoTime());
          String problem = ResponseFraming.problem(info.statusCode(), info.headers());
          if (problem != null) {
            return refuse(
                ErrorKind.PROTOCOL, request, "sent " + problem + "; the response was discarded");
          }
          long announced = ResponseFraming.announcedLength(info.headers());
          if (announced > cap && !head && info.statusCode() != 204 && info.statusCode() != 304) {
            return refuse(
                ErrorKind.TOO_LARGE,
                request,
                "announced a body of "
                    + ByteSize.human(announced)
                    + ", larger than the "
                    + ByteSize.human(cap)
                    + " cap (raise maxBytes to read more); nothing of it was read");
          }
          return new CappedBodySubscriber(cap, bytes -> ctx.progress(bytes, 0, null));
        };
    try {
      // A cancelled run interrupts this thread, which cancels the exchange.
      HttpResponse<byte[]> r = HttpClients.send(client, RequestBuilder.toJdk(request), handler);
      return new IncomingResponse(
          r.statusCode(), r.headers().map(), r.body(), headersAt.get(), r.uri());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CappedBodySubscriber.TooLargeException) {
        throw BodyReader.tooLarge(cap);
      }
      if (ctx.cancellation().isCancelled()) {
        throw new InterruptedException("cancelled");
      }
      throw HttpErrors.describe(cause, request.uri(), spec.idempotent());
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    }
  }

  /**
   * The request for a spec. Repeat runs send the same resolved spec thousands of times, so the last
   * request built is reused when the very same spec comes again.
   */
  private OutgoingRequest requestFor(HttpRequestSpec spec) throws RunFailure {
    var last = lastRequest;
    if (last != null && last.spec() == spec) {
      return last.request();
    }
    OutgoingRequest request = RequestBuilder.build(spec, json);
    lastRequest = new BuiltRequest(spec, request);
    return request;
  }

  private record BuiltRequest(HttpRequestSpec spec, OutgoingRequest request) {}

  private volatile BuiltRequest lastRequest;

  private SourceOutput output(
      PanelSpec panel,
      IncomingResponse response,
      byte[] body,
      long wireBytes,
      Duration ttfb,
      RunContext ctx)
      throws RunFailure {
    String contentType = response.header("content-type").orElse(null);
    Map<String, List<String>> headers = SensitiveHeaders.redact(response.headers());
    int status = response.status();
    boolean needsDocument = !ctx.repeatMode() || checksReadBody(panel);
    if (!needsDocument) {
      return SourceOutput.of(HttpExchange.headOnly(status, headers, contentType, wireBytes, ttfb));
    }
    var decoded = BodyText.decode(body, contentType);
    JsonNode document = null;
    String notice = decoded.notice();
    boolean isJson = !decoded.binary() && BodyText.looksLikeJson(contentType, decoded.text());
    if (isJson && !ctx.repeatMode() && canStreamRows(panel)) {
      // Big bodies: rows straight from the token stream, no tree (several times faster, less heap).
      try (var parser =
          decoded.utf8() ? json.createParser(body) : json.createParser(decoded.text())) {
        ResultTable streamed = JsonTable.stream(parser, simplePath(panel.rows()), MAX_ROWS);
        if (streamed != null) {
          return new SourceOutput(
              new HttpExchange(
                  status, headers, contentType, wireBytes, decoded.text(), ttfb, streamed, null),
              notice,
              null);
        }
      } catch (JacksonException e) {
        if (BodyText.declaresJson(contentType)) {
          notice = "the body is not valid JSON: " + e.getOriginalMessage();
        }
        isJson = false;
      } catch (java.io.IOException e) {
        isJson = false;
      }
    }
    if (isJson) {
      try {
        document = json.readTree(decoded.text());
      } catch (JacksonException e) {
        if (BodyText.declaresJson(contentType)) {
          notice = "the body is not valid JSON: " + e.getOriginalMessage();
        }
      }
    }
    ResultTable table = null;
    Object value = null;
    if (document != null) {
      JsonNode rows = document;
      // An error response has its own shape; its failed status check says what went wrong, so a
      // rows or value path that does not fit it is not reported on top.
      boolean errorStatus = status >= 400;
      if (panel.rows() != null) {
        Optional<JsonNode> selected = JsonPaths.read(document, panel.rows());
        if (selected.isEmpty() && errorStatus) {
          selected = Optional.of(document);
        }
        if (selected.isEmpty()) {
          throw new RunFailure(
              RunError.of(
                  ErrorKind.QUERY,
                  "rows: the JSONPath " + panel.rows() + " matches nothing in the body"));
        }
        rows = selected.get();
      }
      table = ctx.repeatMode() ? null : JsonTable.from(rows, MAX_ROWS);
      value = errorStatus && panel.value() != null ? null : value(panel, document);
    } else if (panel.viewOrDefault() == ViewKind.VALUE && !decoded.binary()) {
      String t = decoded.text().strip();
      value = t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
    String text = ctx.repeatMode() ? null : decoded.text();
    return new SourceOutput(
        new HttpExchange(status, headers, contentType, wireBytes, text, ttfb, table, value),
        notice,
        document);
  }

  private static boolean checksReadBody(PanelSpec panel) {
    for (var c : panel.checks()) {
      if (c.jsonPath() != null || c.value() != null) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern SIMPLE_PATH =
      java.util.regex.Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  /** True when nothing but the rows is needed and the rows path is a plain field path. */
  private static boolean canStreamRows(PanelSpec panel) {
    return panel.value() == null
        && panel.viewOrDefault() != ViewKind.VALUE
        && panel.checks().stream().noneMatch(c -> c.jsonPath() != null || c.value() != null)
        && (panel.rows() == null || SIMPLE_PATH.matcher(panel.rows().strip()).matches());
  }

  private static List<String> simplePath(String rows) {
    if (rows == null || rows.strip().equals("$")) {
      return List.of();
    }
    return List.of(rows.strip().substring(2).split("\\."));
  }

  private static Object value(PanelSpec panel, JsonNode document) throws RunFailure {
    if (panel.value() == null) {
      return document.isValueNode() ? JsonTable.cell(document) : null;
    }
    Optional<JsonNode> v = JsonPaths.read(document, panel.value());
    if (v.isEmpty()) {
      throw new RunFailure(
          RunError.of(
              ErrorKind.QUERY,
              "value: the JSONPath " + panel.value() + " matches nothing in the body"));
    }
    JsonNode node = v.get();
    // An indefinite path returns a list; a one-element list is the value people mean.
    if (node.isArray() && node.size() == 1) {
      node = node.get(0);
    }
    return JsonTable.cell(node);
  }

  @Override
  public void close() {
    clients.close();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
