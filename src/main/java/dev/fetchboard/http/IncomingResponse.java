package dev.fetchboard.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response as received: status, headers (case-insensitive names), raw body, time to headers. */
record IncomingResponse(
    int status, Map<String, List<String>> headers, byte[] body, long headersAtNanos, URI uri) {

  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }
}
