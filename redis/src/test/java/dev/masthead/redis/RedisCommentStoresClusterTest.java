package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comment stores on a Redis Cluster of three masters: the flood script's two keys (IP and email) share the
 * namespace's hash tag, so the script runs on one node instead of failing with {@code CROSSSLOT}.
 */
class RedisCommentStoresClusterTest {
  private static RedisCluster cluster;
  private static RedisConnection connection;

  @BeforeAll
  static void start() {
    cluster = RedisCluster.start();
    connection = RedisConnection.builder().clusterSeeds(cluster.seeds()).build();
  }

  @AfterAll
  static void stop() {
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void floodAndDuplicateAreRefusedOnACluster() {
    for (int site = 0; site < 6; site++) { // namespaces hash to different slots, so to different nodes
      SpamFilter filter = SharedCommentMemoryTest.filterOn(connection, "site-" + site + ":" + UUID.randomUUID());
      var first = SharedCommentMemoryTest.comment("x@example.com", "203.0.113.9", "Fix the bridge",
          SharedCommentMemoryTest.T0);
      assertThat(filter.check(first, SpamContext.EMPTY).refused()).isEmpty();
      assertThat(filter.check(SharedCommentMemoryTest.comment("y@example.com", "203.0.113.9", "other",
          SharedCommentMemoryTest.T0.plusSeconds(3)), SpamContext.EMPTY).refused()).contains(Refusal.FLOOD);
      assertThat(filter.check(SharedCommentMemoryTest.comment("x@example.com", "198.51.100.2", "Fix the bridge",
          SharedCommentMemoryTest.T0.plusSeconds(60)), SpamContext.EMPTY).refused()).contains(Refusal.DUPLICATE);
    }
  }
}
