package dev.masthead.redis;

import dev.masthead.ranking.VisitorMemory;
import dev.masthead.ranking.VisitorMemoryContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Ranking's {@code VisitorMemory} contract suite on {@link RedisVisitorMemory}, a new namespace per test. */
class RedisVisitorMemoryContractTest extends VisitorMemoryContract {
  /** Generous for a loaded machine; the timeout tests set their own. */
  static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
  private static RedisServer redis;
  private static RedisConnection connection;
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(TEST_TIMEOUT).build();
  }

  @AfterAll
  static void stop() {
    if (connection != null) {
      connection.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected VisitorMemory create() {
    return RedisVisitorMemory.builder(connection).namespace("visitors-" + NAMESPACES.incrementAndGet()).build();
  }
}
