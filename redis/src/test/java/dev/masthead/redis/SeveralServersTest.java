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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several app servers on one Redis namespace: three engines, each its own instance with its own buffers, fed
 * events spread at random among them (late events and events on bucket edges included), give after a flush the
 * same top-N for every kind of window as one in-memory engine fed every event.
 */
class SeveralServersTest {
  /** Generous for a loaded machine; the timeout tests set their own. */
  static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
  private static final long SEED = 20261201L;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  static List<RankingQuery> queries(Instant now) {
    return List.of(
        RankingQuery.top(Window.lastHours(24), 10),
        RankingQuery.top(Window.lastDays(7), 10),
        RankingQuery.top(Window.lastDays(30), 10),
        RankingQuery.top(Window.lastHours(3), 10), // rolling, not tracked: merged buckets
        RankingQuery.top(Window.today(BERLIN), 10),
        RankingQuery.top(Window.thisWeek(BERLIN, DayOfWeek.MONDAY), 10),
        RankingQuery.top(Window.thisMonth(BERLIN), 10),
        RankingQuery.top(Window.fixed(now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(5))), 10),
        RankingQuery.builder(Window.lastDays(7)).limit(5).scoring(Scoring.halfLife(Duration.ofHours(6))).build(),
        RankingQuery.builder(Window.lastHours(24)).limit(3)
            .scoring(Scoring.weighted(java.util.Map.of(EngagementKind.VIEW, 2L, EngagementKind.COMMENT, 1L))).build());
  }

  @Test
  void threeEnginesOnOneNamespaceRankLikeOneEngineFedEveryEvent() throws InterruptedException {
    SplittableRandom rnd = new SplittableRandom(SEED);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-04-13T09:58:30Z"));
    InstantSource clock = now::get;
    RankingConfig config = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
        .uniqueVisitorPeriod(Duration.ZERO).flushInterval(Duration.ofMinutes(1)).storeTimeout(Duration.ofSeconds(2))
        .config();
    List<RedisConnection> connections = new ArrayList<>();
    List<RankingEngine> servers = new ArrayList<>();
    RankingEngine reference = RankingEngine.builder().config(config).clock(clock).build();
    try {
      for (int i = 0; i < 3; i++) {
        RedisConnection c = RedisConnection.builder().uri(REDIS.server().uri()).commandTimeout(TEST_TIMEOUT).build();
        connections.add(c);
        RedisCounterStore store = RedisCounterStore.builder(c).namespace("several").layout(config.layout()).build();
        servers.add(RankingEngine.builder().config(config).clock(clock).counterStore(store).build());
      }
      List<ArticleId> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(ArticleId.of("story-" + i));
      }
      List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT);
      long accepted = 0;
      for (int hour = 0; hour < 24 * 9; hour++) { // nine days, so weeks and the 7-day window turn over
        int events = 1 + rnd.nextInt(40);
        for (int e = 0; e < events; e++) {
          Instant at = switch (rnd.nextInt(5)) {
            case 0 -> now.get().minusSeconds(rnd.nextInt(3_000)); // late, within the allowed hour
            case 1 -> now.get().minusMillis(now.get().toEpochMilli() % 60_000 + rnd.nextInt(2)); // a minute's edge
            case 2 -> now.get().minusMillis(now.get().toEpochMilli() % 3_600_000); // an hour's edge
            default -> now.get().minusMillis(rnd.nextInt(60_000));
          };
          EngagementEvent event = EngagementEvent.of(ids.get(Math.min(ids.size() - 1, (int) Math.abs(rnd.nextGaussian()
              * 10))), kinds.get(rnd.nextInt(3)), at);
          RecordResult r = servers.get(rnd.nextInt(servers.size())).record(event);
          assertThat(reference.record(event)).isEqualTo(r);
          accepted += r == RecordResult.ACCEPTED ? 1 : 0;
        }
        if (rnd.nextInt(6) == 0) {
          servers.get(rnd.nextInt(servers.size())).flush(); // some servers flush more often than others
        }
        now.set(now.get().plus(Duration.ofMinutes(57 + rnd.nextInt(7))));
        if (hour % 37 == 36) {
          compare(servers, reference, now.get());
        }
      }
      assertThat(accepted).isGreaterThan(3_000);
      compare(servers, reference, now.get());
    } finally {
      servers.forEach(RankingEngine::close);
      reference.close();
      connections.forEach(RedisConnection::close);
    }
  }

  private static void compare(List<RankingEngine> servers, RankingEngine reference, Instant now)
      throws InterruptedException {
    for (RankingEngine s : servers) {
      assertThat(RedisClusterTest.flushed(s)).isTrue();
    }
    assertThat(reference.flush()).isTrue(); // the in-memory engine buffers too
    for (RankingQuery q : queries(now)) {
      Ranking expected = reference.top(q);
      for (int i = 0; i < servers.size(); i++) {
        Ranking actual = servers.get(i).top(q);
        assertThat(actual.stale()).isFalse();
        assertThat(actual.entries()).as("server %d, %s at %s", i, q.window(), now)
            .containsExactlyElementsOf(expected.entries());
      }
    }
  }
}
