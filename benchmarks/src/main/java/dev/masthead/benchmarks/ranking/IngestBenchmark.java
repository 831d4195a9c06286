package dev.masthead.benchmarks.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingStats;
import dev.masthead.testing.TestClock;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Ingest throughput: page views of article ids drawn Zipf(1.1) from 100,000 articles, recorded by Masthead's
 * engine (into its coalescing buffers, with the flusher handing them to the in-memory store on its own
 * thread), the naive baseline and DataSketches side by side. Events are built beforehand (1,048,576 of them,
 * cycled) so the figure is the cost of {@code record}. {@code oneThread} and {@code twoThreads} run in the
 * same invocation; JMH reports the sum over threads. After each trial the Masthead engine is flushed and
 * its counters printed: an accepted event the store did not count (dropped because the flusher fell behind)
 * is reported there, so a figure never hides lost counts.
 *
 * <p>{@code delays}: {@code uniform10min} spreads event times evenly over the last 10 minutes (the issue's
 * setting: about 177,000 distinct article-minute cells in the cycle, so Masthead's coalescing tables outgrow
 * the processor's L2 cache); {@code realtime} gives each event the time it would have if it arrived a moment
 * after it happened (an exponential delay of mean 2 s, as page views stamped by the app server or a beacon),
 * so most of a flush interval's events fall in one or two minute buckets.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IngestBenchmark -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class IngestBenchmark {
  static final int ARTICLES = 100_000;
  static final int EVENTS = 1 << 20;
  static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");

  @Param({"masthead", "naive", "datasketches"})
  public String impl;

  @Param({"uniform10min", "realtime"})
  public String delays;

  Counters counters;
  EngagementEvent[] events;

  @Setup(Level.Trial)
  public void setUp() {
    counters = Counters.create(impl, new TestClock(NOW));
    ArticleId[] ids = new ArticleId[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      ids[i] = ArticleId.of("article-" + i);
    }
    int[] draws = new Zipf(ARTICLES, 1.1).draws(EVENTS, 42);
    events = new EngagementEvent[EVENTS];
    SplittableRandom rnd = new SplittableRandom(43);
    for (int i = 0; i < EVENTS; i++) {
      long delay = delays.equals("realtime")
          ? Math.min(600_000, (long) (-2_000 * Math.log(1 - rnd.nextDouble()))) // exponential, mean 2 s
          : rnd.nextLong(600_000); // evenly over the last 10 minutes
      events[i] = EngagementEvent.view(ids[draws[i]], NOW.minusMillis(delay));
    }
  }

  /** Each thread walks the events from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup
    public void setUp() {
      next = (int) (Thread.currentThread().getId() * 104_729) & (EVENTS - 1);
    }
  }

  /** Flushes Masthead's buffers and prints what was accepted, delivered and dropped. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (counters instanceof Counters.Masthead m) {
      m.engine().flush();
      RankingStats s = m.engine().stats();
      System.out.printf("%nmasthead: accepted %,d, delivered %,d, dropped %,d, still buffered %,d%n", s.accepted(),
          s.deliveredEvents(), s.droppedEvents(), s.bufferedEvents());
      m.engine().close();
    }
  }

  @Benchmark
  @Threads(1)
  public void oneThread(Cursor cursor) {
    counters.record(events[cursor.next++ & (EVENTS - 1)]);
  }

  @Benchmark
  @Threads(2)
  public void twoThreads(Cursor cursor) {
    counters.record(events[cursor.next++ & (EVENTS - 1)]);
  }
}
