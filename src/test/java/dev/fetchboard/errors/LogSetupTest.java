package dev.fetchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import dev.fetchboard.app.Launcher;
import dev.fetchboard.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The log file: where it is, what goes in, how it rotates, and that stderr stays clean. */
class LogSetupTest {

  @Test
  void theFolderFollowsXdgStateHomeAndTheOverride() {
    Path home = Path.of("/home/ann");
    assertThat(LogFolder.of(null, Map.of(), home))
        .isEqualTo(Path.of("/home/ann/.local/state/fetchboard"));
    assertThat(LogFolder.of(null, Map.of("XDG_STATE_HOME", "/var/state"), home))
        .isEqualTo(Path.of("/var/state/fetchboard"));
    // A relative XDG path is invalid by the spec and ignored.
    assertThat(LogFolder.of(null, Map.of("XDG_STATE_HOME", "state"), home))
        .isEqualTo(Path.of("/home/ann/.local/state/fetchboard"));
    assertThat(LogFolder.of("/tmp/logs", Map.of("XDG_STATE_HOME", "/var/state"), home))
        .isEqualTo(Path.of("/tmp/logs"));
  }

  @Test
  void testsLogIntoTheBuildFolderNotTheHome() {
    assertThat(LogSetup.file().toString())
        .as("surefire sets fetchboard.logDir")
        .doesNotStartWith(System.getProperty("user.home") + "/.local");
  }

  @Test
  void ourInfoAndLibraryWarningsGoToTheFileLibraryInfoDoesNot() throws Exception {
    String mark = UUID.randomUUID().toString();
    LoggerFactory.getLogger("dev.fetchboard.somewhere").info("ours {}", mark);
    LoggerFactory.getLogger("com.zaxxer.hikari.pool").info("library info {}", mark);
    LoggerFactory.getLogger("com.zaxxer.hikari.pool").warn("library warning {}", mark);
    String log = Files.readString(LogSetup.file(), StandardCharsets.UTF_8);
    assertThat(log).contains("ours " + mark).contains("library warning " + mark);
    assertThat(log).doesNotContain("library info " + mark);
  }

  @Test
  void theFileRotatesBySizeKeepingAFewCopies() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var appender = (RollingFileAppender<?>) context.getLogger("ROOT").getAppender("file");
    assertThat(Path.of(appender.getFile())).isEqualTo(LogSetup.file());
    var policy = (FixedWindowRollingPolicy) appender.getRollingPolicy();
    assertThat(policy.getMaxIndex()).isEqualTo(3);
    assertThat(policy.getFileNamePattern()).endsWith("fetchboard.%i.log");
    var trigger = (SizeBasedTriggeringPolicy<?>) appender.getTriggeringPolicy();
    assertThat(trigger.getMaxFileSize().getSize()).isEqualTo(5L * 1024 * 1024);
    assertThat(context.getLogger("ROOT").iteratorForAppenders())
        .toIterable()
        .extracting(a -> a.getName())
        .containsExactly("file");
  }

  @Test
  void javaUtilLoggingGoesToTheFileNotToStderr() throws Exception {
    LogSetup.start();
    var handlers = java.util.logging.Logger.getLogger("").getHandlers();
    assertThat(handlers).hasSize(1).allMatch(h -> h instanceof SLF4JBridgeHandler);
    String mark = UUID.randomUUID().toString();
    java.util.logging.Logger.getLogger("org.postgresql.Driver").warning("jul " + mark);
    assertThat(Files.readString(LogSetup.file())).contains("jul " + mark);
  }

  @Test
  void theCommandLinePrintsOnlyItsOwnOutput(@TempDir Path dir) throws Exception {
    // A database nobody listens on: the user sees the CLI's own lines about it and nothing a
    // library or the logging set-up printed.
    Path ws = dir.resolve("down.yaml");
    Files.writeString(
        ws,
        """
        fetchboard: 1
        name: down
        connections:
          db: { url: "postgresql://app@127.0.0.1:1/db" }
        panels:
          - id: q
            sql: { connection: db, query: select 1 }
        """);
    Process p =
        ChildJvm.start(
            List.of("-Duser.home=" + dir.resolve("home")), Launcher.class, "run", ws.toString());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out.lines().filter(l -> !l.isBlank()).map(l -> l.replaceAll("\\d+ ms", "N ms")))
        .as(out)
        .containsExactly(
            "✘ q  failed · N ms",
            "  error: cannot connect to 127.0.0.1:1: connection refused",
            "1 of 1 panel failed");
  }
}
