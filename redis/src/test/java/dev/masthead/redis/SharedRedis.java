package dev.masthead.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RedisServer} and one {@link RedisConnection} for a whole test class, started before its first test
 * and stopped after its last, with a fresh namespace for each store a test attaches. Register it as a static
 * field: {@code @RegisterExtension static final SharedRedis REDIS = new SharedRedis();}.
 */
final class SharedRedis implements BeforeAllCallback, AfterAllCallback {
  /** Generous for a loaded machine; tests of timeouts set their own. */
  static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);

  private final AtomicInteger namespaces = new AtomicInteger();
  private RedisServer server;
  private RedisConnection connection;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = RedisServer.start();
    connection = RedisConnection.builder().uri(server.uri()).commandTimeout(TEST_TIMEOUT).build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The class's server, for tests that command it, restart it or kill it. */
  RedisServer server() {
    return server;
  }

  /** The URI of the class's server, for tests that open connections of their own. */
  String uri() {
    return server.uri();
  }

  /** The connection to the class's server. */
  RedisConnection connection() {
    return connection;
  }

  /** A namespace no other store of this class has used: {@code prefix} followed by a number. */
  String newNamespace(String prefix) {
    return prefix + namespaces.incrementAndGet();
  }
}
