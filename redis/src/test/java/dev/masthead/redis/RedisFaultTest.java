package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RankingQuery.Window;
import dev.masthead.ranking.RecordResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Faults against the real {@code redis-server} this test started: {@code kill -9} mid-ingest and a restart,
 * a lost reply of an executed flush, Redis back empty. The engines run on the system clock, as in production.
 */
class RedisFaultTest {
  private static final RankingQuery DAY = RankingQuery.top(Window.lastHours(24), RankingQuery.MAX_LIMIT);

  private static RankingConfig config(Duration flushInterval) {
    return RankingEngine.builder().resultCacheTtl(Duration.ZERO).uniqueVisitorPeriod(Duration.ZERO)
        .flushInterval(flushInterval).storeTimeout(Duration.ofMillis(500)).config();
  }

  private static long total(Ranking r) {
    long sum = 0;
    for (RankingEntry e : r.entries()) {
      sum += e.counts().values().stream().mapToLong(Long::longValue).sum();
    }
    return sum;
  }

  private static Map<ArticleId, Long> views(Ranking r) {
    Map<ArticleId, Long> m = new HashMap<>();
    for (RankingEntry e : r.entries()) {
      m.put(e.articleId(), e.counts().values().stream().mapToLong(Long::longValue).sum());
    }
    return m;
  }

  @Test
  void killNineMidIngestCountsNoEventTwiceAndRecoversWithinTwoFlushIntervals() throws Exception {
    // appendfsync always: an acknowledged flush survives kill -9, so every loss would be the engine's
    try (RedisServer redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always")) {
      Duration interval = Duration.ofSeconds(1);
      RankingConfig config = config(interval);
      List<RedisConnection> connections = new ArrayList<>();
      List<RankingEngine> engines = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofMillis(300)).build();
        connections.add(c);
        engines.add(RankingEngine.builder().config(config).counterStore(
            RedisCounterStore.builder(c).namespace("crash").layout(config.layout()).build()).build());
      }
      try {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedWhileDown = new AtomicLong();
        AtomicBoolean down = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          RankingEngine engine = engines.get(w);
          int id = w;
          Thread t = new Thread(() -> {
            long n = 0;
            while (!stop.get()) {
              RecordResult r = engine.record(EngagementEvent.view(ArticleId.of("a" + (n++ % 50) + "-" + id), Instant.now()));
              if (r == RecordResult.ACCEPTED) {
                accepted.incrementAndGet();
                if (down.get()) {
                  acceptedWhileDown.incrementAndGet();
                }
              }
              if (n % 64 == 0) {
                Thread.onSpinWait();
                try {
                  Thread.sleep(1); // about 40,000 events a second from each writer
                } catch (InterruptedException e) {
                  return;
                }
              }
            }
          }, "writer-" + w);
          t.start();
          writers.add(t);
        }
        Thread.sleep(2_500); // several flushes land
        long inRedis = total(engines.get(0).top(DAY));
        long unflushedAtKill = accepted.get() - inRedis;
        down.set(true);
        redis.kill();
        Thread.sleep(1_200); // engines keep accepting while Redis is down
        Ranking whileDown = engines.get(0).top(DAY);
        assertThat(whileDown.stale()).isTrue();
        redis.restart();
        long back = System.nanoTime();
        down.set(false);
        stop.set(true);
        for (Thread t : writers) {
          t.join();
        }
        long expected = accepted.get();
        long freshAfter = -1;
        while (System.nanoTime() - back < Duration.ofSeconds(5).toNanos()) {
          Ranking r = engines.get(1).top(DAY);
          if (!r.stale() && total(r) == expected) {
            freshAfter = (System.nanoTime() - back) / 1_000_000;
            break;
          }
          Thread.sleep(20);
        }
        long counted = total(engines.get(0).top(DAY));
        System.out.printf("kill -9 mid-ingest: %d events accepted, about %d of them not yet flushed at the kill and "
            + "%d accepted while Redis was down; %d counted after the restart: %d lost, %d counted twice; fresh again "
            + "%d ms after Redis answered (flush interval %d ms)%n", expected, unflushedAtKill,
            acceptedWhileDown.get(), counted, Math.max(0, expected - counted), Math.max(0, counted - expected),
            freshAfter, interval.toMillis());
        assertThat(acceptedWhileDown.get()).isPositive();
        assertThat(counted).isEqualTo(expected);
        assertThat(freshAfter).isBetween(0L, 2 * interval.toMillis());
        assertThat(inRedis).isPositive();
      } finally {
        engines.forEach(RankingEngine::close);
        connections.forEach(RedisConnection::close);
      }
    }
  }

  @Test
  void aFlushWhoseReplyIsLostIsResentAndCountsOnce() throws Exception {
    try (RedisServer redis = RedisServer.start();
        ReplyDroppingProxy proxy = ReplyDroppingProxy.start(redis.port());
        RedisConnection viaProxy = RedisConnection.builder().uri(proxy.uri()).build();
        RedisConnection direct = RedisConnection.builder().uri(redis.uri()).build()) {
      RankingConfig config = config(Duration.ofMinutes(1)); // only explicit flushes
      RankingEngine engine = RankingEngine.builder().config(config).counterStore(
          RedisCounterStore.builder(viaProxy).namespace("lost").layout(config.layout()).build()).build();
      RankingEngine reader = RankingEngine.builder().config(config).counterStore(
          RedisCounterStore.builder(direct).namespace("lost").layout(config.layout()).build()).build();
      try {
        Instant now = Instant.now();
        engine.record(EngagementEvent.view(ArticleId.of("warm-up"), now));
        assertThat(engine.flush()).isTrue(); // the flush script is now cached, so the next flush is one EVALSHA
        for (int i = 0; i < 1_000; i++) {
          engine.record(EngagementEvent.view(ArticleId.of("a" + i % 7), now.minusMillis(i)));
        }
        proxy.dropReplyOfNext("EVALSHA");
        assertThat(engine.flush()).isFalse(); // the script ran, its reply was lost: the engine cannot tell
        assertThat(proxy.droppedReplies()).isEqualTo(1);
        assertThat(total(reader.top(DAY))).isEqualTo(1_001); // it did run
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean resent = false;
        while (!resent && System.nanoTime() < deadline) {
          resent = engine.flush(); // the same batch again, once the connection is back
          if (!resent) {
            Thread.sleep(50);
          }
        }
        assertThat(resent).isTrue();
        assertThat(total(reader.top(DAY))).isEqualTo(1_001); // and counted once
        assertThat(views(reader.top(DAY))).containsEntry(ArticleId.of("a0"), 143L);
      } finally {
        engine.close();
        reader.close();
      }
    }
  }

  @Test
  void countingGoesOnWhenRedisRestartsEmpty() throws Exception {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      RankingConfig config = config(Duration.ofMinutes(1));
      RankingEngine engine = RankingEngine.builder().config(config).counterStore(
          RedisCounterStore.builder(c).namespace("empty").layout(config.layout()).build()).build();
      try {
        Instant now = Instant.now();
        for (int i = 0; i < 30; i++) {
          engine.record(EngagementEvent.view(ArticleId.of("before"), now));
        }
        assertThat(engine.flush()).isTrue();
        redis.restart(); // no persistence: everything is gone, the meta hash too
        for (int i = 0; i < 5; i++) {
          engine.record(EngagementEvent.view(ArticleId.of("after"), now));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean flushed = false;
        while (!flushed && System.nanoTime() < deadline) {
          flushed = engine.flush();
          if (!flushed) {
            Thread.sleep(50);
          }
        }
        assertThat(flushed).isTrue();
        Ranking r = engine.top(DAY);
        assertThat(r.stale()).isFalse();
        assertThat(views(r)).containsExactly(Map.entry(ArticleId.of("after"), 5L));
        assertThat(redis.command("HGET", "mh:{empty}:meta", "layout")).isEqualTo(config.layout().encoded());
      } finally {
        engine.close();
      }
    }
  }
}
