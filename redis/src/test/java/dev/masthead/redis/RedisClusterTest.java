package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.VisitorMemory.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The store on a Redis Cluster of three masters: every script of a namespace runs on the node of its hash tag. */
class RedisClusterTest {
  @Test
  void twoEnginesOnAClusterRankLikeOneEngineFedEveryEvent() throws Exception {
    try (RedisCluster cluster = RedisCluster.start();
        RedisConnection one = RedisConnection.builder().clusterSeeds(cluster.seeds()).build();
        RedisConnection two = RedisConnection.builder().clusterSeeds(List.of(cluster.seeds().get(2))).build()) {
      AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-04T07:00:00Z"));
      InstantSource clock = now::get;
      RankingConfig config = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
          .uniqueVisitorPeriod(Duration.ZERO).flushInterval(Duration.ofMinutes(1)).config();
      List<String> namespaces = List.of("news", "sport", "food"); // slots 5161, 5715, 15911: one per master
      for (String ns : namespaces) {
        RankingEngine a = RankingEngine.builder().config(config).clock(clock)
            .counterStore(RedisCounterStore.builder(one).namespace(ns).layout(config.layout()).build()).build();
        RankingEngine b = RankingEngine.builder().config(config).clock(clock)
            .counterStore(RedisCounterStore.builder(two).namespace(ns).layout(config.layout()).build()).build();
        RankingEngine reference = RankingEngine.builder().config(config).clock(clock).build();
        try {
          SplittableRandom rnd = new SplittableRandom(ns.hashCode());
          for (int i = 0; i < 3_000; i++) {
            if (i % 100 == 99) {
              now.set(now.get().plus(Duration.ofMinutes(7)));
            }
            EngagementEvent e = EngagementEvent.of(ArticleId.of(ns + "-" + rnd.nextInt(30)),
                rnd.nextInt(4) == 0 ? EngagementKind.SHARE : EngagementKind.VIEW, now.get().minusSeconds(rnd.nextInt(600)));
            (rnd.nextBoolean() ? a : b).record(e);
            reference.record(e);
          }
          assertThat(a.flush()).isTrue();
          assertThat(b.flush()).isTrue();
          assertThat(reference.flush()).isTrue();
          for (RankingQuery q : List.of(RankingQuery.top(RankingQuery.Window.lastHours(24), 10),
              RankingQuery.top(RankingQuery.Window.lastHours(2), 10))) {
            assertThat(a.top(q).entries()).containsExactlyElementsOf(reference.top(q).entries());
            assertThat(b.top(q).entries()).containsExactlyElementsOf(reference.top(q).entries());
          }
        } finally {
          a.close();
          b.close();
          reference.close();
        }
      }
      long mastersHoldingKeys = cluster.nodes().stream().filter(n -> !"0".equals(n.command("DBSIZE"))).count();
      assertThat(mastersHoldingKeys).isEqualTo(3);
      RedisVisitorMemory memory = RedisVisitorMemory.builder(one).namespace("news").build();
      boolean[] first = memory.firstSightings(List.of(new Sighting(ArticleId.of("x"), EngagementKind.VIEW, "v", 0),
          new Sighting(ArticleId.of("x"), EngagementKind.VIEW, "v", 1)), Duration.ofMinutes(30), Duration.ofHours(2), 0)
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(first).containsExactly(true, false);
    }
  }
}
