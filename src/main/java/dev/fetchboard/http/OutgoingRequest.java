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
    Duration timeout) {}
