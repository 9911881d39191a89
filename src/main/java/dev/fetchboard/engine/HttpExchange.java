package dev.fetchboard.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as a run keeps it.
 *
 * @param headers response headers, sensitive ones redacted
 * @param contentType the Content-Type header, or null when the response had none
 * @param bytes body bytes as received on the wire
 * @param body the body as text within the panel's size cap, or null when not kept (load probes)
 * @param timeToFirstByte until the response headers arrived
 * @param table rows from the JSON body, or null when it has none
 * @param value the value the panel's value path (or a text body) gives, or null
 */
public record HttpExchange(
    int status,
    Map<String, List<String>> headers,
    String contentType,
    long bytes,
    String body,
    Duration timeToFirstByte,
    ResultTable table,
    Object value)
    implements RunPayload {

  public HttpExchange {
    headers = headers == null ? Map.of() : headers;
  }

  /** The same exchange without its body and rows, as load probes keep it. */
  public static HttpExchange headOnly(
      int status,
      Map<String, List<String>> headers,
      String contentType,
      long bytes,
      Duration timeToFirstByte) {
    return new HttpExchange(status, headers, contentType, bytes, null, timeToFirstByte, null, null);
  }
}
