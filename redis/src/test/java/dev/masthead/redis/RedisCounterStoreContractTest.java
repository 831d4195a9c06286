package dev.masthead.redis;

import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.CounterStoreContract;
import dev.masthead.ranking.StoreLayout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ranking's {@code CounterStore} contract suite on {@link RedisCounterStore}, a new namespace per test. */
class RedisCounterStoreContractTest extends CounterStoreContract {
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Override
  protected CounterStore attach(StoreLayout layout) {
    // small chunks, so that the contract's batches span several scripts
    return RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace("contract-"))
        .layout(layout).chunkCells(3).build();
  }
}
