package dev.masthead.redis;

import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.CounterStoreModelProperties;
import dev.masthead.ranking.StoreLayout;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Ranking's model-based property test (an engine against a brute-force oracle: random events, flushes, clock
 * moves and every kind of window) run on {@link RedisCounterStore}, each scenario in a new namespace of a real
 * {@code redis-server}.
 */
class RedisEngineModelProperties extends CounterStoreModelProperties {
  private static RedisServer redis;
  private static RedisConnection connection;
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofSeconds(2)).build();
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
  protected CounterStore attach(StoreLayout layout) {
    return RedisCounterStore.builder(connection).namespace("model-" + NAMESPACES.incrementAndGet()).layout(layout)
        .chunkCells(7).build();
  }
}
