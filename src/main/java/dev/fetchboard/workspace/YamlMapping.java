package dev.fetchboard.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import org.yaml.snakeyaml.LoaderOptions;

/** The Jackson set-up for workspace YAML: durations as text, stable order, small diffs. */
public final class YamlMapping {
  private static final int MAX_FILE_CHARS = 8 * 1024 * 1024;

  private YamlMapping() {}

  /** A mapper for workspace files. Thread-safe once built; build one and share it. */
  public static ObjectMapper newYamlMapper() {
    var loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_FILE_CHARS);
    loader.setMaxAliasesForCollections(20);
    var factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return configure(YAMLMapper.builder(factory).build());
  }

  /** A JSON mapper with the same value conventions (for JSON output of workspace values). */
  public static ObjectMapper newJsonMapper() {
    return configure(JsonMapper.builder().build());
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    var module = new SimpleModule("fetchboard");
    module.addSerializer(Duration.class, new DurationSerializer());
    module.addDeserializer(Duration.class, new DurationDeserializer());
    return mapper
        .registerModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  }

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Durations.format(value));
    }
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING
          && p.currentToken() != JsonToken.VALUE_NUMBER_INT
          && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return Durations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        // The cause carries Durations' plain message (negative, longer than a year) to the file's
        // problem list.
        throw com.fasterxml.jackson.databind.JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }
}
