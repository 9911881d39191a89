package dev.fetchboard.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.File;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One shared Lettuce connection per Redis server and login: panels on the same connection send
 * their commands over it side by side (Redis answers in order), and Lettuce reconnects it by itself
 * after the server went away. The event loop threads (two) are made on the first Redis panel.
 */
final class RedisConnections implements AutoCloseable {

  /** A server's client and its (possibly still opening) connection. */
  private record Link(
      RedisClient client,
      CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection,
      CommandCatalog catalog) {}

  private final Map<RedisSettings, Link> links = new ConcurrentHashMap<>();
  private ClientResources resources;

  private synchronized ClientResources resources() {
    if (resources == null) {
      resources =
          DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    }
    return resources;
  }

  /** The open connection to this server, opening it on first use (or after a failed open). */
  StatefulRedisConnection<byte[], byte[]> connection(RedisSettings settings)
      throws InterruptedException, ExecutionException {
    return link(settings).connection().get();
  }

  /** The connection once it is open, or null while it is opening or failed (a quick peek). */
  CommandCatalog catalog(RedisSettings settings) {
    return link(settings).catalog();
  }

  private Link link(RedisSettings settings) {
    return links.compute(
        settings,
        (s, old) -> {
          if (old != null && !old.connection().isCompletedExceptionally()) {
            return old;
          }
          if (old != null) {
            old.client().shutdownAsync();
          }
          RedisClient client = RedisClient.create(resources(), uri(s));
          client.setOptions(options(s));
          return new Link(
              client,
              client.connectAsync(ByteArrayCodec.INSTANCE, uri(s)).toCompletableFuture(),
              new CommandCatalog());
        });
  }

  /** Opens a connection of its own for "Test connection"; the caller closes it. */
  StatefulRedisConnection<byte[], byte[]> direct(RedisSettings settings) {
    RedisClient client = RedisClient.create(resources(), uri(settings));
    client.setOptions(options(settings));
    try {
      return client.connect(ByteArrayCodec.INSTANCE, uri(settings));
    } catch (RuntimeException e) {
      client.shutdownAsync();
      throw e;
    }
  }

  private static RedisURI uri(RedisSettings s) {
    var b =
        RedisURI.builder()
            .withHost(s.host())
            .withPort(s.port())
            .withDatabase(s.database())
            .withSsl(s.tls())
            .withTimeout(s.connectTimeout());
    if (s.password() != null) {
      if (s.user() != null) {
        b.withAuthentication(s.user(), s.password().toCharArray());
      } else {
        b.withPassword(s.password().toCharArray());
      }
    }
    return b.build();
  }

  private static ClientOptions options(RedisSettings s) {
    var b =
        ClientOptions.builder()
            .protocolVersion(ProtocolVersion.RESP3)
            .autoReconnect(true)
            // While reconnecting, a panel fails at once ("not connected") rather than waiting in
            // a queue until its timeout.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(s.connectTimeout()).build());
    if (s.tls() && s.caFile() != null && !s.caFile().isBlank()) {
      b.sslOptions(
          SslOptions.builder().jdkSslProvider().trustManager(new File(s.caFile())).build());
    }
    return b.build();
  }

  /** Closes every connection (another workspace was opened); the threads stay for the next. */
  void reset() {
    for (var it = links.values().iterator(); it.hasNext(); ) {
      Link l = it.next();
      it.remove();
      l.client().shutdownAsync();
    }
  }

  @Override
  public void close() {
    reset();
    ClientResources r;
    synchronized (this) {
      r = resources;
      resources = null;
    }
    if (r != null) {
      r.shutdown();
    }
  }
}
