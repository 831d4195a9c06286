package dev.masthead.redis;

import static dev.masthead.redis.SharedRedis.TEST_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RankingQuery.Window;
import dev.masthead.ranking.RecordResult;
import dev.masthead.ranking.Scoring;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An engine over the Redis store ranks like one over the in-memory store when events carry huge counts: sums that
 * cross the packing limit of an hour's cell (2^53 / 3,600,000, about 2.5 billion) but not of a minute's, or of
 * both, up to 2^53 / 8 in total (the Redis store is exact below 2^53), through flushes, slides and every kind of
 * window (tracked, untracked, calendar, all time, half-life); and an article whose count saturates at
 * {@link Long#MAX_VALUE} reads as that in both. The seed is fixed.
 */
class RedisEngineHugeCountsTest {
  private static final long SEED = 20261203L;
  private static final long HOUR_LIMIT = (1L << 53) / 3_600_000;
  private static final long MINUTE_LIMIT = (1L << 53) / 60_000;

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Test
  void hugeCountsRankTheSameInRedisAndInMemoryAcrossThePackedAndTextForms() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-06T07:08:09Z"));
    InstantSource clock = now::get;
    RankingConfig config = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
        .uniqueVisitorPeriod(Duration.ZERO).flushInterval(Duration.ofMinutes(1)).storeTimeout(TEST_TIMEOUT).config();
    RedisCounterStore store = RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace("huge"))
        .layout(config.layout()).chunkCells(3).build();
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.COMMENT, EngagementKind.SHARE);
    long total = 0;
    try (RankingEngine redis = RankingEngine.builder().config(config).clock(clock).counterStore(store).build();
        RankingEngine memory = RankingEngine.builder().config(config).clock(clock).build()) {
      for (int round = 0; round < 40; round++) {
        for (int e = 0, n = 2 + rnd.nextInt(6); e < n; e++) {
          long count = switch (rnd.nextInt(5)) {
            case 0 -> HOUR_LIMIT / 2 + rnd.nextLong(HOUR_LIMIT); // two of them pass an hour's limit
            case 1 -> MINUTE_LIMIT / 2 + rnd.nextLong(MINUTE_LIMIT); // text in every tier soon
            default -> 1 + rnd.nextInt(3);
          };
          if (total + count > (1L << 53) / 8) {
            count = 1;
          }
          total += count;
          EngagementEvent event = new EngagementEvent(ArticleId.of("story-" + rnd.nextInt(6)),
              kinds.get(rnd.nextInt(3)), now.get().minusMillis(rnd.nextLong(3_600_000)), count, null, null);
          assertThat(redis.record(event)).isEqualTo(RecordResult.ACCEPTED);
          assertThat(memory.record(event)).isEqualTo(RecordResult.ACCEPTED);
        }
        assertThat(redis.flush()).isTrue();
        assertThat(memory.flush()).isTrue();
        if (rnd.nextInt(4) == 0) {
          compare(redis, memory, rnd);
        }
        now.set(now.get().plusMillis(switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextLong(600_000);
          case 1 -> rnd.nextLong(6 * 3_600_000L);
          case 2 -> rnd.nextLong(3 * 86_400_000L);
          default -> rnd.nextLong(12 * 86_400_000L);
        }));
      }
      compare(redis, memory, rnd);
      // saturation: two events of Long.MAX_VALUE views read as Long.MAX_VALUE in both
      for (int i = 0; i < 2; i++) {
        EngagementEvent event = new EngagementEvent(ArticleId.of("story-max"), EngagementKind.VIEW,
            now.get().minusSeconds(1 + i), Long.MAX_VALUE, null, null);
        assertThat(redis.record(event)).isEqualTo(RecordResult.ACCEPTED);
        assertThat(memory.record(event)).isEqualTo(RecordResult.ACCEPTED);
      }
      assertThat(redis.flush()).isTrue();
      assertThat(memory.flush()).isTrue();
      Ranking day = redis.top(RankingQuery.top(Window.lastHours(24), 3));
      assertThat(day.entries().get(0).articleId()).isEqualTo(ArticleId.of("story-max"));
      assertThat(day.entries()).containsExactlyElementsOf(memory.top(RankingQuery.top(Window.lastHours(24), 3))
          .entries());
    }
  }

  private static void compare(RankingEngine redis, RankingEngine memory, SplittableRandom rnd) {
    ZoneId zone = ZoneId.of("America/New_York");
    List<RankingQuery> queries = List.of(
        RankingQuery.top(Window.lastHours(24), 6),
        RankingQuery.top(Window.lastDays(7), 6),
        RankingQuery.top(Window.lastDays(30), 6),
        RankingQuery.builder(Window.lastDays(30)).limit(6)
            .scoring(Scoring.weighted(Map.of(EngagementKind.VIEW, 1L, EngagementKind.COMMENT, 3L))).build(),
        RankingQuery.top(Window.last(Duration.ofHours(3 + rnd.nextInt(200))), 6),
        RankingQuery.top(Window.today(zone), 6),
        RankingQuery.top(Window.thisWeek(zone, DayOfWeek.MONDAY), 6),
        RankingQuery.top(Window.allTime(), 6),
        RankingQuery.builder(Window.lastDays(7)).limit(6).scoring(Scoring.halfLife(Duration.ofHours(6))).build());
    for (RankingQuery q : queries) {
      Ranking actual = redis.top(q);
      assertThat(actual.stale()).isFalse();
      assertThat(actual.entries()).as("%s", q).containsExactlyElementsOf(memory.top(q).entries());
    }
  }
}
