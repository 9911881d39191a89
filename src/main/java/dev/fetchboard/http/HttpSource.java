package dev.fetchboard.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fetchboard.engine.ErrorKind;
import dev.fetchboard.engine.JsonPaths;
import dev.fetchboard.engine.ResultTable;
import dev.fetchboard.engine.RunContext;
import dev.fetchboard.engine.RunError;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.engine.Source;
import dev.fetchboard.engine.SourceOutput;
import dev.fetchboard.workspace.HttpRequestSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SourceSpec;
import dev.fetchboard.workspace.ViewKind;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
  private final ProxySelector proxy;
  private final ObjectMapper json;

  public HttpSource() {
    this(EnvProxySelector.fromEnvironment(System.getenv()));
  }

  public HttpSource(ProxySelector proxy) {
    this.proxy = proxy;
    this.clients = new HttpClients(proxy);
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
    this.json = mapper;
  }

  @Override
  public boolean handles(SourceSpec spec) {
    return spec instanceof HttpRequestSpec;
  }

  @Override
  public String limitKey(PanelSpec panel) {
    URI uri = URI.create(panel.http().url().strip());
    return uri.getScheme() + "://" + HttpErrors.hostPort(uri);
  }

  @Override
  public Duration timeout(PanelSpec panel) {
    // The engine's watchdog covers the whole exchange, body included; the client's own timeout
    // (headers only) fires first with a more precise message.
    return panel.http().timeoutOrDefault().plus(SLACK);
  }

  @Override
  public int retries(PanelSpec panel) {
    return panel.http().idempotent() ? panel.http().retriesOrDefault() : 0;
  }

  @Override
  public SourceOutput run(PanelSpec panel, RunContext ctx) throws Exception {
    HttpRequestSpec spec = panel.http();
    OutgoingRequest request = requestFor(spec);
    long cap = spec.maxBytesOrDefault().bytes();
    ctx.markStarted();
    long start = System.nanoTime();
    IncomingResponse response;
    try {
      response = send(request, spec, cap, ctx);
    } catch (CappedBodySubscriber.TooLargeException e) {
      throw BodyReader.tooLarge(cap);
    } catch (java.io.IOException e) {
      if (ctx.cancellation().isCancelled()) {
        throw new InterruptedException("cancelled");
      }
      throw HttpErrors.describe(e, request.uri(), spec.idempotent());
    }
    Duration ttfb = Duration.ofNanos(Math.max(0, response.headersAtNanos() - start));
    if (spec.followRedirectsOrDefault()
        && response.status() / 100 == 3
        && response.header("location").isPresent()) {
      // Both clients give up after a few hops and hand back the last redirect.
      throw new RunFailure(
          ErrorKind.PROTOCOL,
          "too many redirects from "
              + HttpErrors.hostPort(request.uri())
              + " (a redirect loop?); last Location: "
              + response.header("location").orElse(""));
    }
    byte[] raw = response.body();
    byte[] body = BodyReader.decode(raw, response.header("content-encoding").orElse(null), cap);
    return output(panel, response, body, raw.length, ttfb, ctx);
  }

  /**
   * Sends over the lean HTTP/1.1 client when the URL is plain http without a proxy, otherwise over
   * {@link java.net.http.HttpClient}; follows redirects across both.
   */
  private IncomingResponse send(
      OutgoingRequest request, HttpRequestSpec spec, long cap, RunContext ctx) throws Exception {
    OutgoingRequest current = request;
    for (int hop = 0; ; hop++) {
      if (!direct(current.uri())) {
        return sendJdk(current, spec, cap, ctx);
      }
      IncomingResponse r =
          http1.exchange(current, cap, ctx.cancellation(), bytes -> ctx.progress(bytes, 0, null));
      var location = r.header("location");
      if (!spec.followRedirectsOrDefault()
          || hop >= MAX_REDIRECTS
          || !REDIRECTS.contains(r.status())
          || location.isEmpty()) {
        return r;
      }
      URI target;
      try {
        target = current.uri().resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        return r;
      }
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return r;
      }
      current = current.redirectedTo(target, r.status());
    }
  }

  private IncomingResponse sendJdk(
      OutgoingRequest request, HttpRequestSpec spec, long cap, RunContext ctx) throws Exception {
    var client = clients.get(spec.followRedirectsOrDefault(), Boolean.TRUE.equals(spec.insecure()));
    var headersAt = new AtomicLong();
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          headersAt.set(System.nanoTime());
          return new CappedBodySubscriber(cap, bytes -> ctx.progress(bytes, 0, null));
        };
    var future = client.sendAsync(RequestBuilder.toJdk(request), handler);
    try (var abort = ctx.cancellation().onCancel(() -> future.cancel(true))) {
      HttpResponse<byte[]> r = future.get();
      return new IncomingResponse(
          r.statusCode(), r.headers().map(), r.body(), headersAt.get(), r.uri());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CappedBodySubscriber.TooLargeException tooLarge) {
        throw tooLarge;
      }
      throw HttpErrors.describe(cause, request.uri(), spec.idempotent());
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    } finally {
      future.cancel(true);
    }
  }

  @Override
  public void warmUp(PanelSpec panel, RunContext ctx, int connections) throws Exception {
    URI uri = requestFor(panel.http()).uri();
    if (direct(uri)) {
      http1.preconnect(uri, connections);
    }
  }

  /** True when the URL is plain http and no proxy applies to it. */
  private boolean direct(URI uri) {
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      return false;
    }
    var last = lastDirect;
    if (last != null && last.uri() == uri) {
      return last.direct();
    }
    boolean direct =
        directHosts.computeIfAbsent(
            uri.getHost() + ":" + uri.getPort(),
            k -> {
              if (proxy == null) {
                return true;
              }
              var chosen = proxy.select(uri);
              return chosen.isEmpty() || chosen.getFirst().type() == java.net.Proxy.Type.DIRECT;
            });
    lastDirect = new DirectUri(uri, direct);
    return direct;
  }

  /** The last URL asked about: a repeat asks about the same URI object for every run. */
  private record DirectUri(URI uri, boolean direct) {}

  private volatile DirectUri lastDirect;

  private static final int MAX_REDIRECTS = 5;
  private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
  private final Http1Client http1 = new Http1Client();
  private final java.util.Map<String, Boolean> directHosts =
      new java.util.concurrent.ConcurrentHashMap<>();

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
      return new SourceOutput(
          status, headers, contentType, ttfb, wireBytes, null, null, null, null, null, null);
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
              status,
              headers,
              contentType,
              ttfb,
              wireBytes,
              decoded.text(),
              streamed,
              null,
              null,
              null,
              notice);
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
    return new SourceOutput(
        status,
        headers,
        contentType,
        ttfb,
        wireBytes,
        ctx.repeatMode() ? null : decoded.text(),
        table,
        value,
        null,
        document,
        notice);
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
    http1.close();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
