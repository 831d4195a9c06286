package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RecordResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three servers sharing counts and the unique-visitor memory through Redis: readers whose page views the load
 * balancer spreads at random over the servers, flushed at random, count once per article and period site-wide.
 */
class SharedVisitorsTest {
  private static final long SEED = 20261207L;

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Test
  void aReaderSpreadOverThreeServersCountsOncePerArticleAndPeriod() throws InterruptedException {
    SplittableRandom rnd = new SplittableRandom(SEED);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-09-14T06:00:00Z"));
    RankingConfig config = RankingEngine.builder().clock(now::get).resultCacheTtl(Duration.ZERO)
        .uniqueVisitorPeriod(Duration.ofMinutes(30)).flushInterval(Duration.ofMinutes(1))
        .storeTimeout(SharedRedis.TEST_TIMEOUT).config();
    List<RankingEngine> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        servers.add(RankingEngine.builder().config(config).clock(now::get)
            .counterStore(RedisCounterStore.builder(REDIS.connection()).namespace("visitors").layout(config.layout())
                .build())
            .visitorMemory(RedisVisitorMemory.builder(REDIS.connection()).namespace("visitors").build()).build());
      }
      Map<ArticleId, Set<String>> readers = new HashMap<>();
      for (int step = 0; step < 200; step++) { // 20 minutes: every reader's views fall inside one period
        for (int e = 0, n = 1 + rnd.nextInt(15); e < n; e++) {
          ArticleId article = ArticleId.of("story-" + rnd.nextInt(12));
          String reader = "reader-" + rnd.nextInt(80);
          Instant at = now.get().minusSeconds(rnd.nextInt(60));
          RecordResult r = servers.get(rnd.nextInt(3)).record(EngagementEvent.view(article, at)
              .withVisitor(reader, "Mozilla/5.0"));
          assertThat(r).isIn(RecordResult.ACCEPTED, RecordResult.REPEAT_VISITOR);
          readers.computeIfAbsent(article, x -> new HashSet<>()).add(reader);
        }
        if (rnd.nextInt(4) == 0) {
          servers.get(rnd.nextInt(3)).flush();
        }
        now.set(now.get().plusSeconds(6));
      }
      for (RankingEngine s : servers) {
        assertThat(RedisClusterTest.flushed(s)).isTrue();
      }
      Map<ArticleId, Long> expected = new HashMap<>();
      readers.forEach((a, r) -> expected.put(a, (long) r.size()));
      long repeats = 0;
      for (RankingEngine s : servers) {
        Map<ArticleId, Long> counted = new HashMap<>();
        for (RankingEntry e : s.top(RankingQuery.top(RankingQuery.Window.lastHours(24), 100)).entries()) {
          counted.put(e.articleId(), e.counts().values().stream().mapToLong(Long::longValue).sum());
        }
        assertThat(counted).isEqualTo(expected);
        repeats += s.stats().rejected().getOrDefault(RecordResult.REPEAT_VISITOR, 0L);
        assertThat(s.stats().unverifiedVisitorEvents()).isZero();
      }
      assertThat(repeats).isPositive(); // readers did come back on other servers
    } finally {
      servers.forEach(RankingEngine::close);
    }
  }
}
