package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RecordResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the {@code redis-server} this test started, in the middle of a flush of thousands of
 * chunks from several servers on simulated clocks, then a restart: with every write fsynced the site ranks as
 * one engine fed every event (nothing counted twice, nothing lost); without persistence it ranks as one engine fed
 * only what was not yet delivered when Redis died. While Redis is down, rankings are served stale within the
 * store timeout.
 */
class SeveralServersCrashTest {
  private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);
  private static final long SEED = 20261205L;

  private static RankingConfig config(InstantSource clock) {
    return RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).uniqueVisitorPeriod(Duration.ZERO)
        .flushInterval(Duration.ofMinutes(1)).storeTimeout(STORE_TIMEOUT).config();
  }

  private static List<RankingQuery> queries(Instant now) {
    return List.of(
        RankingQuery.top(RankingQuery.Window.lastHours(24), RankingQuery.MAX_LIMIT),
        RankingQuery.top(RankingQuery.Window.lastDays(7), 10),
        RankingQuery.top(RankingQuery.Window.lastHours(6), 10),
        RankingQuery.top(RankingQuery.Window.fixed(now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(2))),
            10),
        RankingQuery.builder(RankingQuery.Window.lastDays(2)).limit(10)
            .scoring(dev.masthead.ranking.Scoring.halfLife(Duration.ofHours(3))).build());
  }

  private record Site(List<RedisConnection> connections, List<RankingEngine> servers) implements AutoCloseable {
    static Site start(RedisServer redis, RankingConfig config, InstantSource clock, String namespace) {
      List<RedisConnection> connections = new ArrayList<>();
      List<RankingEngine> servers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofMillis(300))
            .build();
        connections.add(c);
        servers.add(RankingEngine.builder().config(config).clock(clock).counterStore(
            RedisCounterStore.builder(c).namespace(namespace).layout(config.layout()).chunkCells(10).build()).build());
      }
      return new Site(connections, servers);
    }

    @Override
    public void close() {
      servers.forEach(RankingEngine::close);
      connections.forEach(RedisConnection::close);
    }
  }

  /** Records about {@code n} events spread over many (article, kind, minute) cells, at random among the servers. */
  private static void feed(SplittableRandom rnd, AtomicReference<Instant> now, List<RankingEngine> servers,
      List<RankingEngine> references, int n) {
    List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT);
    for (int i = 0; i < n; i++) {
      EngagementEvent e = EngagementEvent.of(ArticleId.of("story-" + rnd.nextInt(60)), kinds.get(rnd.nextInt(3)),
          now.get().minusSeconds(rnd.nextInt(3_500)));
      RecordResult r = servers.get(rnd.nextInt(servers.size())).record(e);
      assertThat(r).isEqualTo(RecordResult.ACCEPTED);
      for (RankingEngine ref : references) {
        assertThat(ref.record(e)).isEqualTo(RecordResult.ACCEPTED);
      }
    }
  }

  private static void flushUntilDelivered(List<RankingEngine> servers) throws InterruptedException {
    for (RankingEngine s : servers) {
      assertThat(RedisClusterTest.flushed(s)).isTrue();
    }
  }

  private static void assertRanksLike(List<RankingEngine> servers, RankingEngine reference, Instant now) {
    assertThat(reference.flush()).isTrue();
    assertThat(reference.top(queries(now).get(0)).entries()).isNotEmpty();
    for (RankingQuery q : queries(now)) {
      Ranking expected = reference.top(q);
      for (int i = 0; i < servers.size(); i++) {
        Ranking actual = servers.get(i).top(q);
        assertThat(actual.stale()).isFalse();
        assertThat(actual.entries()).as("server %d, %s", i, q).containsExactlyElementsOf(expected.entries());
      }
    }
  }

  private static long total(Ranking r) {
    return r.entries().stream().mapToLong(e -> e.counts().values().stream().mapToLong(Long::longValue).sum()).sum();
  }

  /**
   * Flushes every server at once from its own thread, kills Redis a moment later, waits for the flushes, and
   * returns the events the servers had not delivered (their buffers).
   */
  private static long killMidFlush(RedisServer redis, List<RankingEngine> servers) throws InterruptedException {
    AtomicBoolean started = new AtomicBoolean();
    AtomicBoolean cut = new AtomicBoolean();
    List<Thread> flushes = new ArrayList<>();
    for (RankingEngine s : servers) {
      Thread t = new Thread(() -> {
        started.set(true);
        if (!s.flush()) {
          cut.set(true);
        }
      });
      flushes.add(t);
      t.start();
    }
    while (!started.get()) {
      Thread.onSpinWait();
    }
    Thread.sleep(10); // a flush of this size takes far longer (about 3% of it had landed after 30 ms here)
    redis.kill();
    for (Thread t : flushes) {
      t.join(10_000);
    }
    assertThat(cut).as("the kill cut a flush short").isTrue();
    long undelivered = 0;
    for (RankingEngine s : servers) {
      undelivered += s.stats().bufferedEvents();
    }
    System.out.println("SeveralServersCrashTest: " + undelivered + " events undelivered when Redis was killed");
    return undelivered;
  }

  private static void assertStaleWithinTimeout(List<RankingEngine> servers, Instant now) {
    for (RankingEngine s : servers) {
      for (RankingQuery q : queries(now)) {
        long started = System.nanoTime();
        Ranking r = s.top(q);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(STORE_TIMEOUT.multipliedBy(3));
        assertThat(r.stale()).as("%s while Redis is down", q).isTrue();
      }
    }
  }

  @Test
  void killNineMidFlushWithEveryWriteFsyncedCountsEveryEventOnce() throws Exception {
    SplittableRandom rnd = new SplittableRandom(SEED);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T08:15:00Z"));
    RankingConfig config = config(now::get);
    try (RedisServer redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        Site site = Site.start(redis, config, now::get, "crash-aof");
        RankingEngine reference = RankingEngine.builder().config(config).clock(now::get).build()) {
      for (int hour = 0; hour < 6; hour++) {
        feed(rnd, now, site.servers(), List.of(reference), 400);
        flushUntilDelivered(site.servers());
        now.set(now.get().plus(Duration.ofMinutes(61)));
      }
      assertRanksLike(site.servers(), reference, now.get());
      long before = total(site.servers().get(0).top(queries(now.get()).get(0)));
      feed(rnd, now, site.servers(), List.of(reference), 6_000); // thousands of cells: hundreds of chunks each
      long undelivered = killMidFlush(redis, site.servers());
      assertThat(undelivered).isPositive();
      assertStaleWithinTimeout(site.servers(), now.get());
      feed(rnd, now, site.servers(), List.of(reference), 300); // accepted while Redis is down
      redis.restart(); // reloads the append-only file: every chunk acknowledged before the kill is there
      Ranking after = site.servers().get(0).top(queries(now.get()).get(0));
      for (long deadline = System.nanoTime() + 10_000_000_000L; after.stale() && System.nanoTime() < deadline; ) {
        Thread.sleep(50); // Redis may still be loading its append-only file
        after = site.servers().get(0).top(queries(now.get()).get(0));
      }
      assertThat(after.stale()).isFalse();
      long landed = total(after) - before;
      System.out.println("SeveralServersCrashTest: " + landed + " of the 6000 events had landed when Redis died");
      assertThat(landed).isBetween(0L, 6_000L);
      flushUntilDelivered(site.servers());
      assertRanksLike(site.servers(), reference, now.get());
    }
  }

  @Test
  void killNineMidFlushWithoutPersistenceLosesOnlyWhatRedisHeld() throws Exception {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T08:15:00Z"));
    RankingConfig config = config(now::get);
    try (RedisServer redis = RedisServer.start();
        Site site = Site.start(redis, config, now::get, "crash-empty");
        RankingEngine reference = RankingEngine.builder().config(config).clock(now::get).build()) {
      for (int hour = 0; hour < 3; hour++) {
        feed(rnd, now, site.servers(), List.of(), 400);
        flushUntilDelivered(site.servers());
        now.set(now.get().plus(Duration.ofMinutes(61)));
      }
      for (RankingEngine s : site.servers()) {
        s.top(queries(now.get()).get(0)); // a last good ranking to serve stale
      }
      redis.kill(); // nothing buffered: everything counted so far is lost with Redis
      assertStaleWithinTimeout(site.servers(), now.get());
      feed(rnd, now, site.servers(), List.of(reference), 3_000); // buffered while Redis is down
      redis.restart(); // empty
      flushUntilDelivered(site.servers());
      assertRanksLike(site.servers(), reference, now.get());
    }
  }
}
