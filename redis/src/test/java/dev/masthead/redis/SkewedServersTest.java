package dev.masthead.redis;

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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several app servers whose clocks disagree by a few seconds (well inside the clock-skew allowance of 5 minutes)
 * on one Redis namespace: maintenance run by the server whose clock is ahead must not take away counts that a
 * server whose clock is behind still reads.
 */
class SkewedServersTest {
  private static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
  private static final long SEED = 20261202L;
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static RankingConfig config(InstantSource clock) {
    return RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).uniqueVisitorPeriod(Duration.ZERO)
        .flushInterval(Duration.ofMinutes(1)).storeTimeout(TEST_TIMEOUT).config();
  }

  /**
   * The case: server A's clock is 1 s ahead, server B's 1 s behind, and an hour boundary lies between their
   * "24 hours ago". A's maintenance frees the minute buckets of the hour before its "24 hours ago"; B still
   * plans those minutes in minute buckets (its own keep start is an hour earlier), so B's half-life ranking of
   * the week and a fixed window starting just inside B's last 24 hours lost that hour's counts.
   */
  @Test
  void maintenanceByAServerWhoseClockIsAheadKeepsTheMinuteBucketsABehindServerStillReads() {
    Instant boundary = Instant.parse("2026-04-14T10:00:00Z"); // an hour boundary, 24 h before the check
    AtomicReference<Instant> base = new AtomicReference<>(boundary.minus(Duration.ofHours(26)));
    InstantSource ahead = () -> base.get().plusSeconds(1);
    InstantSource behind = () -> base.get().minusSeconds(1);
    RankingConfig config = config(behind);
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<RedisConnection> connections = new ArrayList<>();
    RankingEngine reference = RankingEngine.builder().config(config).clock(behind).build();
    List<RankingEngine> servers = new ArrayList<>();
    try {
      for (InstantSource clock : List.of(ahead, behind)) {
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).commandTimeout(TEST_TIMEOUT).build();
        connections.add(c);
        RedisCounterStore store = RedisCounterStore.builder(c).namespace("skew-keep").layout(config.layout()).build();
        servers.add(RankingEngine.builder().config(config).clock(clock).counterStore(store).build());
      }
      Instant end = boundary.plus(Duration.ofHours(24));
      while (base.get().isBefore(end)) {
        for (int e = 0, n = 3 + rnd.nextInt(10); e < n; e++) {
          Instant at = base.get().minusSeconds(rnd.nextInt(600));
          EngagementEvent event = EngagementEvent.of(ArticleId.of("story-" + rnd.nextInt(12)), EngagementKind.VIEW, at);
          RecordResult r = servers.get(rnd.nextInt(2)).record(event);
          assertThat(r).isEqualTo(RecordResult.ACCEPTED);
          assertThat(reference.record(event)).isEqualTo(RecordResult.ACCEPTED);
        }
        servers.forEach(RankingEngine::flush);
        Instant next = base.get().plus(Duration.ofMinutes(3 + rnd.nextInt(5)));
        base.set(next.isAfter(end) ? end : next);
      }
      EngagementEvent last = EngagementEvent.of(ArticleId.of("story-0"), EngagementKind.VIEW, end);
      assertThat(servers.get(0).record(last)).isEqualTo(RecordResult.ACCEPTED); // A's time is now end + 1 s
      assertThat(reference.record(last)).isEqualTo(RecordResult.ACCEPTED);
      assertThat(servers.get(0).flush()).isTrue(); // A at end + 1 s: frees the minutes before the boundary
      assertThat(servers.get(1).flush()).isTrue(); // B at end - 1 s
      assertThat(reference.flush()).isTrue();
      List<RankingQuery> queries = List.of(
          RankingQuery.builder(Window.lastDays(7)).limit(12).scoring(Scoring.halfLife(Duration.ofHours(6))).build(),
          RankingQuery.top(Window.fixed(end.minus(Duration.ofHours(24)).minusMillis(500), end.minusSeconds(60)), 12));
      for (RankingQuery q : queries) {
        Ranking expected = reference.top(q);
        assertThat(expected.entries()).isNotEmpty();
        Ranking actual = servers.get(1).top(q);
        assertThat(actual.stale()).isFalse();
        assertThat(actual.entries()).as("%s on the server behind", q).containsExactlyElementsOf(expected.entries());
      }
    } finally {
      servers.forEach(RankingEngine::close);
      reference.close();
      connections.forEach(RedisConnection::close);
    }
  }
}
