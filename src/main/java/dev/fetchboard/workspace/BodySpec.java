package dev.fetchboard.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body: exactly one of {@code text} (sent as written, with {@code contentType}), {@code
 * json} (any YAML value, sent as JSON) or {@code form} (sent URL-encoded).
 */
@JsonPropertyOrder({"contentType", "text", "json", "form"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BodySpec(String contentType, String text, JsonNode json, Map<String, String> form) {

  public BodySpec {
    form = form == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(form));
  }

  public static BodySpec text(String contentType, String text) {
    return new BodySpec(contentType, text, null, null);
  }

  public static BodySpec json(JsonNode json) {
    return new BodySpec(null, null, json, null);
  }

  public static BodySpec form(Map<String, String> form) {
    return new BodySpec(null, null, null, form);
  }
}
