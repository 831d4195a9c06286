package dev.masthead.benchmarks.redis;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Top-10 latency through Redis over the last 24 hours, 7 days and 30 days, with 100,000 active articles: 30 days
 * of traffic (every article once in the last 23 hours, and 2,000,000 views drawn Zipf(1.1) spread over the 30
 * days, in time order) recorded into an engine on {@link RedisCounterStore} and flushed every simulated hour,
 * then the same query repeated with the result cache off, so every call is one {@code top} script in Redis
 * (the threshold algorithm over the window's bands' scoring sets: {@code ZREVRANGE} and {@code ZMSCORE}; then
 * the counts of the candidates) and a round trip. Sample time: JMH prints p50 and p99.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar redis.RedisTopBenchmark -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RedisTopBenchmark {
  static final int ARTICLES = 100_000;
  static final int ZIPF_EVENTS = 2_000_000;
  static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");

  @Param({"24h", "7d", "30d"})
  public String window;

  RedisServer redis;
  RedisConnection connection;
  RankingEngine engine;
  RankingQuery query;

  @Setup(Level.Trial)
  public void setUp() {
    redis = RedisServer.start();
    connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofSeconds(5)).build();
    AtomicReference<Instant> now = new AtomicReference<>(NOW.minus(Duration.ofDays(30)));
    InstantSource clock = now::get;
    RankingConfig config = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
        .uniqueVisitorPeriod(Duration.ZERO).storeTimeout(Duration.ofSeconds(30)).config();
    RedisCounterStore store = RedisCounterStore.builder(connection).namespace("bench").layout(config.layout()).build();
    engine = RankingEngine.builder().config(config).clock(clock).counterStore(store).build();
    ArticleId[] ids = new ArticleId[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      ids[i] = ArticleId.of("article-" + i);
    }
    SplittableRandom rnd = new SplittableRandom(7);
    long span = Duration.ofDays(30).toMillis();
    long start = now.get().toEpochMilli();
    long[] once = new long[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      long at = NOW.toEpochMilli() - rnd.nextLong(Duration.ofHours(23).toMillis());
      once[i] = at * ARTICLES + i; // time and article in one sortable long
    }
    Arrays.sort(once);
    int[] draws = ZipfDraws.draws(ARTICLES, 1.1, ZIPF_EVENTS, 8);
    int o = 0;
    long lastFlush = start;
    for (int i = 0; i <= ZIPF_EVENTS; i++) {
      long zipfAt = i < ZIPF_EVENTS ? start + span * i / ZIPF_EVENTS : Long.MAX_VALUE;
      while (o < ARTICLES && once[o] / ARTICLES <= zipfAt) {
        Instant at = Instant.ofEpochMilli(once[o] / ARTICLES);
        now.set(at);
        engine.record(EngagementEvent.view(ids[(int) (once[o] % ARTICLES)], at));
        o++;
      }
      if (i < ZIPF_EVENTS) {
        Instant at = Instant.ofEpochMilli(zipfAt);
        now.set(at);
        engine.record(EngagementEvent.view(ids[draws[i]], at));
      }
      if (now.get().toEpochMilli() - lastFlush >= 3_600_000) {
        flush();
        lastFlush = now.get().toEpochMilli();
      }
    }
    now.set(NOW);
    flush();
    Duration length = switch (window) {
      case "24h" -> Duration.ofHours(24);
      case "7d" -> Duration.ofDays(7);
      default -> Duration.ofDays(30);
    };
    query = RankingQuery.top(RankingQuery.Window.last(length), 10);
    Ranking first = engine.top(query);
    if (first.stale() || first.entries().size() != 10) {
      throw new IllegalStateException("the ranking is not ready: " + first);
    }
  }

  private void flush() {
    if (!engine.flush()) {
      throw new IllegalStateException("a flush failed: " + engine.stats());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    connection.close();
    redis.close();
  }

  @Benchmark
  public Ranking top10() {
    return engine.top(query);
  }
}
