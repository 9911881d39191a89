package dev.fetchboard.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A request ready to send, independent of the client that sends it. */
record OutgoingRequest(
    String method,
    URI uri,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    Duration timeout) {

  /**
   * The same request to another URL, as a redirect asks (303, and 301/302 after POST, become GET).
   */
  OutgoingRequest redirectedTo(URI target, int status) {
    boolean toGet = status == 303 || ((status == 301 || status == 302) && method.equals("POST"));
    if (!toGet) {
      return new OutgoingRequest(method, target, headers, body, timeout);
    }
    var kept = headers.stream().filter(h -> !h.getKey().equalsIgnoreCase("content-type")).toList();
    return new OutgoingRequest(method.equals("HEAD") ? "HEAD" : "GET", target, kept, null, timeout);
  }
}
