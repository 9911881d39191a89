package dev.fetchboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
  @TempDir Path dir;

  @Test
  void uriFieldsAndEnvironmentFillInLikePsql() {
    var s =
        ConnectionSettings.of(
            ConnectionSpec.ofUrl("postgresql://app@db.example.com:6543/shop?sslmode=require"),
            Map.of("PGUSER", "ignored", "PGPASSWORD", "from-env"),
            null);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isEqualTo("from-env");
    assertThat(s.properties().getProperty("sslmode")).isEqualTo("require");
    var fromEnv =
        ConnectionSettings.of(
            new ConnectionSpec(null, null, null, null, null, null, null, null, null, null),
            Map.of("PGHOST", "h", "PGPORT", "5999", "PGDATABASE", "d", "PGUSER", "u"),
            null);
    assertThat(fromEnv.describe()).isEqualTo("u@h:5999/d");
  }

  @Test
  void pgpassMatchesLikeLibpqWithWildcardsAndEscapes() throws Exception {
    Path file = dir.resolve("pgpass");
    Files.writeString(
        file,
        "# comment\nother:5432:shop:app:nope\ndb.example.com:*:shop:app:pa\\:ss\n*:*:*:*:fallback\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(PgPass.lookup(file, "db.example.com", 6543, "shop", "app")).isEqualTo("pa:ss");
    assertThat(PgPass.lookup(file, "elsewhere", 5432, "x", "y")).isEqualTo("fallback");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(PgPass.lookup(file, "db.example.com", 6543, "shop", "app"))
        .as("a file others can read is ignored, as libpq does")
        .isNull();
  }

  @Test
  void namedParametersSkipStringsCommentsCastsAndDollarQuotes() {
    var p =
        NamedParameters.parse(
            "select ':no', \"a:b\", x::int, $$ :no $$ -- :no\n from t where a = :a and b = :b_2 /* :no */");
    assertThat(p.names()).containsExactly("a", "b_2");
    assertThat(p.sql()).contains("a = ? and b = ?").contains("x::int").contains("':no'");
  }
}
