package dev.masthead.benchmarks.redis;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Ingest into Redis from one app server: page views of article ids drawn Zipf(1.1) from 100,000 articles, as
 * they arrive in real time (up to 20 seconds late, all in the current minute), into a local {@code redis-server}
 * the benchmark starts. One operation is one event; an invocation records 1,000,000 events, one flush interval
 * of traffic at the target rate of 1 M events/s, and waits until all of them are in Redis.
 *
 * <p>{@code masthead}: {@link RankingEngine#record} into the engine's buffers, then {@link RankingEngine#flush()}
 * (coalesced cells, one Lua script per 500 cells, into both tiers and the three tracked windows' running totals,
 * kept as nested bands; no scoring set exists, since no ranking is asked). {@code masthead-ranked}: the same after
 * one ranking was asked in setup, as on a site showing a "Top 5" box: the store then also keeps that scoring's
 * sorted set for each tracked window's band (key layout 3), one score per flushed cell (in the band it lands in).
 * {@code zincrby}: the baseline, each event its own {@code ZINCRBY} of a per-minute sorted set, pipelined
 * (Lettuce's async API, every reply awaited at the end of the block), one tier and no totals.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar redis.RedisIngestBenchmark -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RedisIngestBenchmark {
  static final int ARTICLES = 100_000;
  static final int BLOCK = 1_000_000;
  static final int EVENTS = 1 << 20;
  static final Instant NOW = Instant.parse("2026-06-17T12:00:30Z");

  @Param({"masthead", "masthead-ranked", "zincrby"})
  public String impl;

  RedisServer redis;
  RedisConnection connection;
  RankingEngine engine;
  RedisClient baselineClient;
  StatefulRedisConnection<String, String> baselineConnection;
  RedisAsyncCommands<String, String> baseline;
  EngagementEvent[] events;
  String[] baselineKeys;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    redis = RedisServer.start();
    events = events();
    baselineKeys = new String[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      baselineKeys[i] = "naive:{bench}:" + events[i].occurredAt().toEpochMilli() / 60_000;
    }
    if (impl.startsWith("masthead")) {
      connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofSeconds(5)).build();
      RankingConfig config = RankingEngine.builder().clock(InstantSource.fixed(NOW))
          .uniqueVisitorPeriod(Duration.ZERO).flushInterval(Duration.ofMinutes(1))
          .storeTimeout(Duration.ofSeconds(30)).config();
      RedisCounterStore store = RedisCounterStore.builder(connection).namespace("bench").layout(config.layout()).build();
      engine = RankingEngine.builder().config(config).clock(InstantSource.fixed(NOW)).counterStore(store).build();
      if (impl.equals("masthead-ranked")) {
        // as a site showing "Top 5 This Week": from here on the store keeps that ranking's scoring
        engine.top(RankingQuery.top(RankingQuery.Window.last(Duration.ofDays(7)), 5));
      }
    } else {
      baselineClient = RedisClient.create(redis.uri());
      baselineConnection = baselineClient.connect();
      baseline = baselineConnection.async();
    }
  }

  /** The events, cycled: Zipf(1.1) views of 100,000 articles, up to 20 seconds before {@link #NOW}. */
  static EngagementEvent[] events() {
    ArticleId[] ids = new ArticleId[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      ids[i] = ArticleId.of("article-" + i);
    }
    int[] draws = ZipfDraws.draws(ARTICLES, 1.1, EVENTS, 42);
    EngagementEvent[] out = new EngagementEvent[EVENTS];
    SplittableRandom rnd = new SplittableRandom(43);
    for (int i = 0; i < EVENTS; i++) {
      out[i] = EngagementEvent.view(ids[draws[i]], NOW.minusMillis(rnd.nextLong(20_000)));
    }
    return out;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (engine != null) {
      engine.close();
      connection.close();
    }
    if (baselineClient != null) {
      baselineConnection.close();
      baselineClient.shutdown();
    }
    redis.close();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public void ingest() throws Exception {
    if (engine != null) {
      for (int i = 0; i < BLOCK; i++) {
        engine.record(events[next++ & (EVENTS - 1)]);
      }
      if (!engine.flush()) {
        throw new IllegalStateException("a flush failed: " + engine.stats());
      }
    } else {
      @SuppressWarnings({"unchecked", "rawtypes"})
      RedisFuture<Double>[] replies = new RedisFuture[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        int e = next++ & (EVENTS - 1);
        replies[i] = baseline.zincrby(baselineKeys[e], 1, events[e].articleId().value());
      }
      for (RedisFuture<Double> r : replies) {
        r.get(30, TimeUnit.SECONDS);
      }
    }
  }
}
