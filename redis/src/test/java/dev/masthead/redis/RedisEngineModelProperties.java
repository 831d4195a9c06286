package dev.masthead.redis;

import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.CounterStoreModelProperties;
import dev.masthead.ranking.StoreLayout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ranking's model-based property test (an engine against a brute-force oracle: random events, flushes, clock
 * moves and every kind of window) run on {@link RedisCounterStore}, each scenario in a new namespace of a real
 * {@code redis-server}.
 */
class RedisEngineModelProperties extends CounterStoreModelProperties {
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Override
  protected CounterStore attach(StoreLayout layout) {
    return RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace("model-")).layout(layout)
        .chunkCells(7).build();
  }
}
