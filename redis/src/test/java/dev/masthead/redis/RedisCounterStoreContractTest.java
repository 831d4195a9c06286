package dev.masthead.redis;

import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.CounterStoreContract;
import dev.masthead.ranking.StoreLayout;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Ranking's {@code CounterStore} contract suite on {@link RedisCounterStore}, a new namespace per test. */
class RedisCounterStoreContractTest extends CounterStoreContract {
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
  protected CounterStore attach(StoreLayout layout) {
    // small chunks, so that the contract's batches span several scripts
    return RedisCounterStore.builder(connection).namespace("contract-" + NAMESPACES.incrementAndGet())
        .layout(layout).chunkCells(3).build();
  }
}
