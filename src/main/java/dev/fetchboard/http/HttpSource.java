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
import java.net.http.HttpRequest;
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
    HttpRequest request = requestFor(spec);
    var client = clients.get(spec.followRedirectsOrDefault(), Boolean.TRUE.equals(spec.insecure()));
    long cap = spec.maxBytesOrDefault().bytes();
    ctx.markStarted();
    long start = System.nanoTime();
    var headersAt = new AtomicLong();
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          headersAt.set(System.nanoTime());
          return new CappedBodySubscriber(cap, bytes -> ctx.progress(bytes, 0, null));
        };
    var future = client.sendAsync(request, handler);
    HttpResponse<byte[]> response;
    try (var abort = ctx.cancellation().onCancel(() -> future.cancel(true))) {
      response = future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CappedBodySubscriber.TooLargeException) {
        throw BodyReader.tooLarge(cap);
      }
      throw HttpErrors.describe(e.getCause(), request.uri(), spec.idempotent());
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled");
    } finally {
      future.cancel(true);
    }
    Duration ttfb = Duration.ofNanos(Math.max(0, headersAt.get() - start));
    if (spec.followRedirectsOrDefault()
        && response.statusCode() / 100 == 3
        && response.headers().firstValue("location").isPresent()) {
      // The client gives up after a few hops and hands back the last redirect.
      throw new RunFailure(
          ErrorKind.PROTOCOL,
          "too many redirects from "
              + HttpErrors.hostPort(request.uri())
              + " (a redirect loop?); last Location: "
              + response.headers().firstValue("location").orElse(""));
    }
    byte[] raw = response.body();
    byte[] body =
        BodyReader.decode(raw, response.headers().firstValue("content-encoding").orElse(null), cap);
    return output(panel, response, body, raw.length, ttfb, ctx);
  }

  /**
   * The request for a spec. Repeat runs send the same resolved spec thousands of times, so the last
   * request built is reused when the very same spec comes again.
   */
  private HttpRequest requestFor(HttpRequestSpec spec) throws RunFailure {
    var last = lastRequest;
    if (last != null && last.spec() == spec) {
      return last.request();
    }
    HttpRequest request = RequestBuilder.build(spec, json);
    lastRequest = new BuiltRequest(spec, request);
    return request;
  }

  private record BuiltRequest(HttpRequestSpec spec, HttpRequest request) {}

  private volatile BuiltRequest lastRequest;

  private SourceOutput output(
      PanelSpec panel,
      HttpResponse<byte[]> response,
      byte[] body,
      long wireBytes,
      Duration ttfb,
      RunContext ctx)
      throws RunFailure {
    String contentType = response.headers().firstValue("content-type").orElse(null);
    Map<String, List<String>> headers = SensitiveHeaders.redact(response.headers().map());
    int status = response.statusCode();
    boolean needsDocument =
        !ctx.repeatMode()
            || panel.checks().stream().anyMatch(c -> c.jsonPath() != null || c.value() != null);
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
      if (panel.rows() != null) {
        Optional<JsonNode> selected = JsonPaths.read(document, panel.rows());
        if (selected.isEmpty()) {
          throw new RunFailure(
              RunError.of(
                  ErrorKind.QUERY,
                  "rows: the JSONPath " + panel.rows() + " matches nothing in the body"));
        }
        rows = selected.get();
      }
      table = ctx.repeatMode() ? null : JsonTable.from(rows, MAX_ROWS);
      value = value(panel, document);
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
