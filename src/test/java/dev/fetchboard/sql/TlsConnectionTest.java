package dev.fetchboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.engine.ConnectionCheck;
import dev.fetchboard.engine.Engine;
import dev.fetchboard.engine.EngineConfig;
import dev.fetchboard.engine.RunResult;
import dev.fetchboard.testing.Panels;
import dev.fetchboard.workspace.ConnectionSpec;
import dev.fetchboard.workspace.PanelSpec;
import dev.fetchboard.workspace.SqlQuerySpec;
import dev.fetchboard.workspace.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslmode: verify-ca} and {@code verify-full} against a real PostgreSQL with a test
 * certificate (src/test/resources/tls): the right CA connects, a wrong CA never does, and a wrong
 * host name fails verify-full (which checks it) but not verify-ca (which does not).
 */
class TlsConnectionTest {
  @TempDir static Path dir;

  /** Serves a certificate for localhost and 127.0.0.1. */
  private static EmbeddedPostgres named;

  /** Serves a certificate signed by the same CA for another host name. */
  private static EmbeddedPostgres misnamed;

  private static Path ca;
  private static Path otherCa;

  @BeforeAll
  static void startServers() throws Exception {
    ca = resource("ca.crt");
    otherCa = resource("other-ca.crt");
    named = serverWith("server");
    misnamed = serverWith("misnamed");
  }

  @AfterAll
  static void stopServers() throws IOException {
    for (var server : new EmbeddedPostgres[] {named, misnamed}) {
      if (server != null) {
        server.close();
      }
    }
  }

  /** A copy of a test resource in the temp folder (PostgreSQL wants its key owner-only). */
  private static Path resource(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var in = TlsConnectionTest.class.getResourceAsStream("/tls/" + name)) {
      Files.copy(in, copy);
    }
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    return copy;
  }

  private static EmbeddedPostgres serverWith(String cert) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("pg-" + cert))
        .setServerConfig("fsync", "off")
        .setServerConfig("max_connections", "20")
        .setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", resource(cert + ".crt").toString())
        .setServerConfig("ssl_key_file", resource(cert + ".key").toString())
        .start();
  }

  private static ConnectionSpec tls(
      EmbeddedPostgres server, String host, String sslmode, Path rootCert) {
    return new ConnectionSpec(
        null,
        host,
        server.getPort(),
        "postgres",
        "postgres",
        null,
        sslmode,
        rootCert == null ? null : rootCert.toString(),
        null,
        null);
  }

  private static ConnectionCheck check(ConnectionSpec spec) {
    return new SqlSource(null, Map.of(), Path.of("/none")).testConnection(spec);
  }

  @Test
  void verifyFullWithTheRightCaConnectsByNameAndByAddressOverTls() throws Exception {
    for (String host : List.of("localhost", "127.0.0.1")) {
      ConnectionCheck c = check(tls(named, host, "verify-full", ca));
      assertThat(c.ok()).as(c.message()).isTrue();
    }
    // Through a panel too, and the server says the session is encrypted.
    var ws =
        Workspace.named("tls")
            .withConnections(Map.of("db", tls(named, "localhost", "verify-full", ca)));
    var panel =
        PanelSpec.sql(
            "p",
            "p",
            SqlQuerySpec.of("db", "select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
    try (var engine =
        new Engine(
            EngineConfig.DEFAULT, List.of(new SqlSource(null, Map.of(), Path.of("/none"))))) {
      RunResult r = engine.run(ws, panel, new Panels.Recorder()).await().getFirst();
      assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
      assertThat(r.value()).isEqualTo(true);
    }
  }

  @Test
  void aWrongCaFailsVerifyFullAndVerifyCaWithAPlainMessage() {
    for (String mode : List.of("verify-full", "verify-ca")) {
      ConnectionCheck c = check(tls(named, "localhost", mode, otherCa));
      assertThat(c.ok()).as(mode).isFalse();
      // Says which check failed and the setting it comes from.
      assertThat(c.message()).as(mode).contains("certificate", "sslrootcert", otherCa.toString());
      assertPlain(c.message());
    }
  }

  @Test
  void aWrongHostNameFailsVerifyFullButNotVerifyCa() {
    ConnectionCheck full = check(tls(misnamed, "localhost", "verify-full", ca));
    ConnectionCheck caOnly = check(tls(misnamed, "localhost", "verify-ca", ca));
    assertThat(full.ok()).isFalse();
    assertThat(full.message()).contains("certificate", "'localhost'", "verify-full");
    assertPlain(full.message());
    // verify-ca checks the signature only, as libpq's does.
    assertThat(caOnly.ok()).as(caOnly.message()).isTrue();
  }

  /** No Java class names or stack traces reach a user. */
  private static void assertPlain(String message) {
    assertThat(message).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+(Exception|Error)");
    assertThat(message).doesNotContain("\tat ", "PKIX", "Pgjdbc", "hostnameverifier");
  }
}
