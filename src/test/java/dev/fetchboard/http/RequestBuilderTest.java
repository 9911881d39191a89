package dev.fetchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.engine.RunFailure;
import dev.fetchboard.workspace.HttpRequestSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request built from a resolved spec is checked before anything is sent. */
class RequestBuilderTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void portsOutsideOneTo65535AreRefusedNamingTheUrlField() {
    for (String port : new String[] {"0", "65536", "999999"}) {
      assertThatThrownBy(
              () -> RequestBuilder.build(HttpRequestSpec.get("http://h:" + port + "/"), json))
          .isInstanceOf(RunFailure.class)
          .hasMessageContaining("http.url: port " + port + " is out of range (1-65535)");
    }
  }

  @Test
  void methodsAndHeaderNamesMustBeTokensAndValuesHoldNoLineBreakOrNul() {
    var get = HttpRequestSpec.get("http://h/");
    assertThatThrownBy(() -> RequestBuilder.build(get.withMethod("GET /x HTTP/1.1\r\n"), json))
        .hasMessageContaining("http.method: 'GET…' is not an HTTP method");
    assertThatThrownBy(() -> RequestBuilder.build(get.withHeaders(Map.of("X-A\r\nX-B", "v")), json))
        .hasMessageContaining("http.headers: the header name starting 'X-A…'")
        .hasMessageNotContaining("X-B");
    for (String value : new String[] {"a\rb", "a\nb", "a\0b"}) {
      assertThatThrownBy(() -> RequestBuilder.build(get.withHeaders(Map.of("X-V", value)), json))
          .hasMessageContaining("http.headers.X-V: the value holds a line break or NUL");
    }
  }

  @Test
  void aCleanRequestKeepsItsHeadersInOrder() throws Exception {
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("X-One", "1");
    headers.put("X-Two", "two words");
    OutgoingRequest r =
        RequestBuilder.build(HttpRequestSpec.get("http://h:8080/").withHeaders(headers), json);
    assertThat(r.headers().get(0)).isEqualTo(Map.entry("X-One", "1"));
    assertThat(r.headers().get(1)).isEqualTo(Map.entry("X-Two", "two words"));
    assertThat(r.uri().getPort()).isEqualTo(8080);
  }
}
