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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several app servers whose clocks disagree by a few seconds (well inside the clock-skew allowance of 5 minutes)
 * on one Redis namespace: maintenance run by the server whose clock is ahead must not take away counts that a
 * server whose clock is behind still reads.
 */
class SkewedServersTest {
  private static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
  private static final long SEED = 20261202L;
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  static RankingConfig config(InstantSource clock) {
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
        RedisConnection c = RedisConnection.builder().uri(REDIS.server().uri()).commandTimeout(TEST_TIMEOUT).build();
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

  /** One app server: its own clock offset from the site's time, connection, store and engine. */
  static final class Server implements AutoCloseable {
    final AtomicLong offsetMillis = new AtomicLong();
    final RedisConnection connection;
    final RankingEngine engine;

    Server(RankingConfig config, AtomicReference<Instant> base, String namespace, long offset) {
      this(REDIS.server().uri(), config, base, namespace, offset);
    }

    Server(String uri, RankingConfig config, AtomicReference<Instant> base, String namespace, long offset) {
      offsetMillis.set(offset);
      InstantSource clock = () -> base.get().plusMillis(offsetMillis.get());
      connection = RedisConnection.builder().uri(uri).commandTimeout(TEST_TIMEOUT).build();
      RedisCounterStore store = RedisCounterStore.builder(connection).namespace(namespace).layout(config.layout())
          .chunkCells(37).build();
      engine = RankingEngine.builder().config(config).clock(clock).counterStore(store).build();
    }

    @Override
    public void close() {
      engine.close();
      connection.close();
    }
  }

  static List<ArticleId> hostileIds(SplittableRandom rnd) {
    List<ArticleId> ids = new ArrayList<>();
    for (String s : List.of("{several}", "}{", "mh:{skew-site}:meta", "a:b:c", "c:0:1:2", "ws:0:0", "ok:x:0",
        "é", "e\u0301", "😀", "\uffff", "日本語の記事", "'; return 1 --", "%s", "  padded  ", "1e3", "-0")) {
      ids.add(ArticleId.of(s));
    }
    ids.add(ArticleId.of("😀".repeat(ArticleId.MAX_LENGTH / 2))); // 256 chars, 1,024 bytes of UTF-8
    ids.add(ArticleId.of("{".repeat(ArticleId.MAX_LENGTH)));
    StringBuilder mixed = new StringBuilder();
    while (mixed.length() < ArticleId.MAX_LENGTH - 1) {
      mixed.appendCodePoint(switch (rnd.nextInt(4)) {
        case 0 -> 0x1F300 + rnd.nextInt(200);
        case 1 -> 0x4E00 + rnd.nextInt(500);
        case 2 -> ':';
        default -> 'a' + rnd.nextInt(26);
      });
    }
    ids.add(ArticleId.of(mixed.toString()));
    for (int i = ids.size(); i < 30; i++) {
      ids.add(ArticleId.of("story-" + i));
    }
    return ids;
  }

  static List<RankingQuery> queries(Instant now) {
    ZoneId zone = ZoneId.of("America/New_York");
    List<RankingQuery> q = new ArrayList<>(List.of(
        RankingQuery.top(Window.lastHours(24), 8),
        RankingQuery.top(Window.lastDays(7), 8),
        RankingQuery.top(Window.lastDays(30), RankingQuery.MAX_LIMIT),
        RankingQuery.top(Window.lastHours(2), 8),
        RankingQuery.top(Window.lastDays(3), 8),
        RankingQuery.top(Window.today(zone), 8),
        RankingQuery.top(Window.thisWeek(zone, DayOfWeek.SUNDAY), 8),
        RankingQuery.top(Window.thisMonth(zone), 8),
        RankingQuery.top(Window.allTime(), 8),
        RankingQuery.top(Window.fixed(now.minus(Duration.ofHours(30)), now.minus(Duration.ofMinutes(90))), 8),
        RankingQuery.top(Window.fixed(now.minus(Duration.ofHours(24)).plusMillis(1), now), 8),
        RankingQuery.builder(Window.lastDays(7)).limit(6).scoring(Scoring.halfLife(Duration.ofHours(6))).build(),
        RankingQuery.builder(Window.lastHours(24)).limit(6).scoring(Scoring.halfLife(Duration.ofHours(1))).build()));
    for (long w = 0; w < 10; w++) { // more scorings than the store maintains sets for (8)
      q.add(RankingQuery.builder(Window.lastDays(w % 2 == 0 ? 7 : 1)).limit(5)
          .scoring(Scoring.weighted(Map.of(EngagementKind.VIEW, w, EngagementKind.SHARE, 3L,
              EngagementKind.COMMENT, 10 - w))).build());
    }
    return q;
  }

  /**
   * Three servers whose clocks differ by up to 3.5 s, fed events at random (late within the allowed hour and
   * beyond it, ahead of now within the skew allowance and beyond it, on minute and hour edges), one joining after
   * two days, one restarted mid-stream, all idle for five days then resuming: whenever they have flushed and
   * reached the same time, each gives for every kind of window the ranking of one in-memory engine fed every
   * event.
   */
  @Test
  void serversWithSkewedClocksJoiningRestartingAndIdlingRankLikeOneEngineFedEveryEvent() {
    long seed = SEED + 1;
    System.out.println("SkewedServersTest seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    AtomicReference<Instant> base = new AtomicReference<>(Instant.parse("2026-03-06T21:17:43.250Z"));
    RankingConfig config = config(base::get);
    List<ArticleId> ids = hostileIds(rnd);
    List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT);
    RankingEngine reference = RankingEngine.builder().config(config).clock(base::get).build();
    List<Server> servers = new ArrayList<>();
    try {
      servers.add(new Server(config, base, "skew-site", -1_500));
      servers.add(new Server(config, base, "skew-site", 2_000));
      long accepted = 0;
      long rejected = 0;
      int checks = 0;
      for (int step = 0; step < 24 * 14; step++) { // about two weeks of 50-minute steps, with a 5-day gap
        if (step == 24 * 2) {
          servers.add(new Server(config, base, "skew-site", 700)); // joins a namespace two days old
        }
        if (step == 24 * 5) {
          servers.remove(0).close(); // restarted: closing flushes what it buffered
          servers.add(0, new Server(config, base, "skew-site", -1_000));
        }
        if (step == 24 * 8) {
          base.set(base.get().plus(Duration.ofDays(5))); // nobody saw an event for five days
        }
        for (int e = 0, n = 1 + rnd.nextInt(30); e < n; e++) {
          Instant now = base.get();
          long minute = now.toEpochMilli() % 60_000;
          Instant at = switch (rnd.nextInt(9)) {
            case 0 -> now.minusSeconds(10 + rnd.nextInt(3_580)); // late, within the hour allowed
            case 1 -> now.minusSeconds(3_610 + rnd.nextInt(86_400)); // too late on every server
            case 2 -> now.plusSeconds(rnd.nextInt(290)); // ahead of now, within the 5-minute allowance
            case 3 -> now.plusSeconds(310 + rnd.nextInt(1_000)); // too far ahead on every server
            case 4 -> now.minusMillis(minute + 60_000L * rnd.nextInt(30)); // a minute's edge
            case 5 -> now.minusMillis(minute + 1 + 60_000L * rnd.nextInt(30)); // the last ms before one
            case 6 -> now.minusMillis(now.toEpochMilli() % 3_600_000); // the hour's edge
            default -> now.minusMillis(rnd.nextInt(120_000));
          };
          EngagementEvent event = EngagementEvent.of(ids.get(Math.min(ids.size() - 1,
              (int) Math.abs(rnd.nextGaussian() * 9))), kinds.get(rnd.nextInt(3)), at);
          RecordResult r = servers.get(rnd.nextInt(servers.size())).engine.record(event);
          assertThat(reference.record(event)).as("%s", event).isEqualTo(r);
          if (r == RecordResult.ACCEPTED) {
            accepted++;
          } else {
            rejected++;
          }
        }
        if (rnd.nextInt(3) == 0) {
          servers.get(rnd.nextInt(servers.size())).engine.flush(); // flushes and maintains at its own time
        }
        base.set(base.get().plusSeconds(50 * 60 + rnd.nextInt(600) - 300));
        if (step % 41 == 40 || step == 24 * 8) {
          compare(servers, reference, base);
          checks++;
        }
      }
      compare(servers, reference, base);
      assertThat(accepted).isGreaterThan(3_000);
      assertThat(rejected).isGreaterThan(500);
      assertThat(checks).isGreaterThan(5);
    } finally {
      servers.forEach(Server::close);
      reference.close();
    }
  }

  /**
   * Brings every server to the site's time (their clocks set straight and the time moved past the one furthest
   * ahead, which an engine never steps back from), flushes them all, and compares every query.
   */
  static void compare(List<Server> servers, RankingEngine reference, AtomicReference<Instant> base) {
    long[] offsets = new long[servers.size()];
    for (int i = 0; i < servers.size(); i++) {
      offsets[i] = servers.get(i).offsetMillis.getAndSet(0);
    }
    base.set(base.get().plusSeconds(5));
    for (Server s : servers) {
      assertThat(s.engine.flush()).isTrue();
    }
    assertThat(reference.flush()).isTrue();
    Instant now = base.get();
    for (RankingQuery q : queries(now)) {
      Ranking expected = reference.top(q);
      for (int i = 0; i < servers.size(); i++) {
        Ranking actual = servers.get(i).engine.top(q);
        assertThat(actual.stale()).isFalse();
        assertThat(actual.entries()).as("server %d, %s at %s", i, q, now).containsExactlyElementsOf(expected.entries());
      }
    }
    for (int i = 0; i < servers.size(); i++) {
      servers.get(i).offsetMillis.set(offsets[i]);
    }
  }
}
