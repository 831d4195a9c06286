package dev.masthead.benchmarks.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * Top-10 latency over the last 24 hours, 7 days and 30 days, with 100,000 active articles: 30 days of
 * traffic (one view of every article, then 3,000,000 views drawn Zipf(1.1), in time order) recorded into
 * each contender, then the same query repeated.
 *
 * <p>{@code masthead}: uncached (cache TTL zero), answered from the running totals of tracked windows;
 * {@code masthead-cached}: the default 30-second cache, so every call after the first is a hit;
 * {@code masthead-merge}: uncached, asked as a custom window so the engine merges buckets (the path of
 * calendar and other untracked windows); {@code naive}: hourly maps summed and fully sorted;
 * {@code datasketches}: hourly frequent-items sketches merged.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class TopBenchmark {
  static final int ARTICLES = 100_000;
  static final int ZIPF_EVENTS = 3_000_000;
  static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");

  @Param({"24h", "7d", "30d"})
  public String window;

  @Param({"masthead", "masthead-cached", "masthead-merge", "naive", "datasketches"})
  public String impl;

  Counters counters;
  Duration length;

  @Setup(Level.Trial)
  public void setUp() {
    length = switch (window) {
      case "24h" -> Duration.ofHours(24);
      case "7d" -> Duration.ofDays(7);
      default -> Duration.ofDays(30);
    };
    Instant start = NOW.minus(Duration.ofDays(30));
    TestClock clock = new TestClock(start);
    counters = Counters.create(impl, clock);
    ArticleId[] ids = new ArticleId[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      ids[i] = ArticleId.of("article-" + i);
    }
    SplittableRandom rnd = new SplittableRandom(7);
    long span = Duration.ofDays(30).toMillis();
    // Every article once, at a random time in the last 23 hours, so all 100,000 are active in every window;
    // merged in time order with 3,000,000 Zipf draws spread evenly over the 30 days, since the engine rejects
    // events older than its allowed lateness (1 hour).
    long[] once = new long[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      long at = NOW.toEpochMilli() - rnd.nextLong(Duration.ofHours(23).toMillis());
      once[i] = at * ARTICLES + i; // time and article in one sortable long
    }
    java.util.Arrays.sort(once);
    int[] draws = new Zipf(ARTICLES, 1.1).draws(ZIPF_EVENTS, 8);
    int o = 0;
    long recorded = 0;
    for (int i = 0; i <= ZIPF_EVENTS; i++) {
      long zipfAt = i < ZIPF_EVENTS ? start.toEpochMilli() + span * i / ZIPF_EVENTS : Long.MAX_VALUE;
      while (o < ARTICLES && once[o] / ARTICLES <= zipfAt) {
        Instant at = Instant.ofEpochMilli(once[o] / ARTICLES);
        clock.set(at);
        counters.record(EngagementEvent.view(ids[(int) (once[o] % ARTICLES)], at));
        o++;
        recorded++;
      }
      if (i < ZIPF_EVENTS) {
        Instant at = Instant.ofEpochMilli(zipfAt);
        clock.set(at);
        counters.record(EngagementEvent.view(ids[draws[i]], at));
        recorded++;
      }
    }
    clock.set(NOW);
    counters.flush();
    if (counters instanceof Counters.Masthead m && m.engine().stats().deliveredEvents() != recorded) {
      throw new IllegalStateException("the engine rejected or dropped events: " + m.engine().stats());
    }
  }

  @Benchmark
  public List<ArticleId> top10() {
    return counters.top(length, 10);
  }
}
