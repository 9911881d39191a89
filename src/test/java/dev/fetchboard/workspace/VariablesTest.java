package dev.fetchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variable expansion is bounded in depth, size and work, and says which variable went wrong. */
class VariablesTest {

  /** v0 holds {@code seed}; each next level repeats the one before {@code fanOut} times. */
  static Map<String, String> bomb(int levels, int fanOut, String seed) {
    var env = new LinkedHashMap<String, String>();
    env.put("v0", seed);
    for (int i = 1; i <= levels; i++) {
      env.put("v" + i, ("${v" + (i - 1) + "}").repeat(fanOut));
    }
    return env;
  }

  @Test
  void eightLevelsOfSixteenReferencesFailQuicklyNamingTheVariable() {
    // About 600 bytes of variables asking for 16^8 copies of the seed.
    var vars = new Variables(bomb(8, 16, "abcdefghij"), n -> null);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> vars.resolve("http://h/${v8}", "panel 'p', field url"))
                .isInstanceOf(Variables.UnknownVariableException.class)
                .hasMessageStartingWith("panel 'p', field url: ${v")
                .hasMessageContaining("expands to more than"));
  }

  @Test
  void referencesToEmptyValuesAreCountedToo() {
    // Nothing grows, but 16^8 lookups would take minutes.
    var vars = new Variables(bomb(8, 16, ""), n -> null);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> vars.resolve("${v8}", "panel 'p', field url"))
                .hasMessageContaining("more than 10,000 variable references")
                .hasMessageContaining("${v"));
  }

  @Test
  void ordinaryNestingStillResolves() throws Exception {
    var vars = new Variables(bomb(3, 4, "ab"), n -> null);
    assertThat(vars.resolve("x${v3}y", "f")).isEqualTo("x" + "ab".repeat(64) + "y");
    var loop = new Variables(Map.of("a", "${b}", "b", "${a}"), n -> null);
    assertThatThrownBy(() -> loop.resolve("${a}", "f")).hasMessageContaining("loop");
  }
}
