package dev.fetchboard.errors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logback's set-up, found by Logback through its service loader: one rotated file in {@link
 * LogFolder} (INFO and up for Fetchboard, WARN and up for libraries) and nothing on the console, so
 * the window app's stderr stays empty and the CLI's holds only what the CLI prints.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** Rotated copies kept besides the current file, and the size at which it rotates. */
  static final int KEPT_FILES = 3;

  static final String MAX_FILE_SIZE = "5MB";

  /**
   * Makes sure logging is set up and routes java.util.logging (pgjdbc, JavaFX's own messages) into
   * the log file instead of stderr. The launcher calls it first thing.
   */
  public static void start() {
    LoggerFactory.getILoggerFactory();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /** The log file of this process (it may not exist yet). */
  public static Path file() {
    return LogFolder.forUser().resolve(LogFolder.FILE_NAME);
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    // Logback prints its own problems (say a read-only home) to the console unless a status
    // listener is there; one that drops them keeps the CLI's output clean.
    context.getStatusManager().add(status -> {});
    var levels = new LevelChangePropagator();
    levels.setContext(context);
    levels.setResetJUL(true);
    levels.start();
    context.addListener(levels);
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    context.getLogger("dev.fetchboard").setLevel(Level.INFO);
    Path folder = LogFolder.forUser();
    try {
      Files.createDirectories(folder);
    } catch (IOException | RuntimeException e) {
      // No folder to write in: log nothing rather than fail or write to the console.
      return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
    context
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .addAppender(fileAppender(context, folder.resolve(LogFolder.FILE_NAME)));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
    var appender = new RollingFileAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setName("file");
    appender.setFile(file.toString());
    var rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    String name = file.getFileName().toString();
    rolling.setFileNamePattern(file.resolveSibling(name.replace(".log", ".%i.log")).toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(KEPT_FILES);
    rolling.start();
    var trigger = new SizeBasedTriggeringPolicy<ILoggingEvent>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
    trigger.start();
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
