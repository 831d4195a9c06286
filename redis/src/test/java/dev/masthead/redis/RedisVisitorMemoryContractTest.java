package dev.masthead.redis;

import dev.masthead.ranking.VisitorMemory;
import dev.masthead.ranking.VisitorMemoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ranking's {@code VisitorMemory} contract suite on {@link RedisVisitorMemory}, a new namespace per test. */
class RedisVisitorMemoryContractTest extends VisitorMemoryContract {
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Override
  protected VisitorMemory create() {
    return RedisVisitorMemory.builder(REDIS.connection()).namespace(REDIS.newNamespace("visitors-")).build();
  }
}
