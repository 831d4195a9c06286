package dev.masthead.benchmarks.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.testing.TestClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures the heap held per live (article, bucket) cell, without JOL: the used heap after full collections,
 * before and after filling an in-memory store through an engine, divided by the store's live cells. The
 * ArticleId objects are created and kept by this program before the first measurement, so they are not
 * counted; everything the store allocates is (cells of both tiers, rings, running totals, the id table). The
 * engine is closed and dropped before the second measurement, so its recording buffers are not counted.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.masthead.benchmarks.ranking.CellMemory}
 */
public final class CellMemory {
  private CellMemory() {}

  /**
   * Runs the measurement for a few shapes and prints one line each.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    measure(20_000, 60); // 20,000 articles viewed in each of 60 minutes
    measure(100_000, 24); // 100,000 articles viewed in each of 24 hours, once an hour
    measure(2_000, 1_000); // a few articles over many minute buckets
  }

  private static long usedHeap(MemoryMXBean mx) {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return mx.getHeapMemoryUsage().getUsed();
  }

  private static void measure(int articles, int buckets) {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    ArticleId[] ids = new ArticleId[articles];
    for (int i = 0; i < articles; i++) {
      ids[i] = ArticleId.of("article-" + i);
    }
    Instant start = Instant.parse("2026-06-17T00:00:00Z");
    TestClock clock = new TestClock(start);
    long before = usedHeap(mx);
    InMemoryCounterStore store = InMemoryCounterStore.create(RankingConfig.defaults().layout());
    Duration step = articles >= 100_000 ? Duration.ofHours(1) : Duration.ofMinutes(1);
    try (RankingEngine engine = RankingEngine.builder().clock(clock).counterStore(store).build()) {
      for (int b = 0; b < buckets; b++) {
        Instant at = start.plus(step.multipliedBy(b));
        clock.set(at);
        for (ArticleId id : ids) {
          engine.record(EngagementEvent.view(id, at));
        }
        engine.flush();
      }
    }
    long after = usedHeap(mx);
    CounterStore.Stats stats = store.stats().toCompletableFuture().join();
    System.out.printf("articles=%d buckets=%d (%s) liveCells=%d heapDelta=%d B => %.1f B/cell measured, "
            + "%.1f B/cell estimated by stats()%n", articles, buckets, step, stats.liveCells(), after - before,
        (after - before) / (double) stats.liveCells(), stats.estimatedBytes() / (double) stats.liveCells());
    if (store.layout() == null || ids.length == 0) {
      throw new AssertionError(); // keeps the store and ids reachable until here
    }
  }
}
