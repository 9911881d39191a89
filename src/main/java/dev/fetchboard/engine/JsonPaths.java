package dev.fetchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** JSONPath over Jackson trees (Jayway JsonPath), with compiled paths cached. */
public final class JsonPaths {
  private static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();
  private static final ConcurrentHashMap<String, JsonPath> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 1000;

  private JsonPaths() {}

  /** The node at {@code path}, or empty when the path matches nothing. */
  public static Optional<JsonNode> read(JsonNode document, String path) {
    JsonPath compiled = CACHE.get(path);
    if (compiled == null) {
      compiled = JsonPath.compile(path);
      if (CACHE.size() < CACHE_LIMIT) {
        CACHE.put(path, compiled);
      }
    }
    try {
      JsonNode result = compiled.read(document, CONFIG);
      if (result == null) {
        return Optional.empty();
      }
      // An indefinite path (filters, wildcards) that matched nothing gives an empty array.
      if (!compiled.isDefinite() && result.isArray() && result.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(result);
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
  }
}
