package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;

import dev.masthead.core.ArticleId;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Writers and readers at once: after the writers join, every count is exact. */
class ConcurrencyTest {
  private static final int WRITERS = 4;
  private static final int EVENTS_PER_WRITER = 200_000;
  private static final int ARTICLES = 500;

  @Test
  void totalsAreExactAfterConcurrentWritersAndReaders() throws Exception {
    Instant start = Instant.parse("2026-05-01T10:00:00Z");
    TestClock clock = new TestClock(start);
    RankingEngine engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ofMillis(1))
        .allowedLateness(Duration.ofHours(3)).build();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<long[]>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      long seed = w;
      writers.add(pool.submit(() -> {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] perArticle = new long[ARTICLES];
        go.await();
        for (int i = 0; i < EVENTS_PER_WRITER; i++) {
          int a = rnd.nextInt(ARTICLES);
          long weight = 1 + rnd.nextInt(3);
          Instant at = clock.instant().minusMillis(rnd.nextLong(Duration.ofMinutes(90).toMillis()));
          if (engine.record(EngagementEvent.view(ArticleId.of("a" + a), at).withCount(weight)).accepted()) {
            perArticle[a] += weight;
          }
        }
        return perArticle;
      }));
    }
    AtomicLong reads = new AtomicLong();
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      RankingQuery q = RankingQuery.top(r == 0 ? RankingQuery.Window.lastHours(24) : RankingQuery.Window.allTime(), 10);
      readers.add(pool.submit(() -> {
        go.await();
        while (writing.get()) {
          Ranking ranking = flushed(engine).top(q);
          assertThat(ranking.entries().size()).isLessThanOrEqualTo(10);
          reads.incrementAndGet();
        }
        return null;
      }));
    }
    readers.add(pool.submit(() -> { // the clock moves while everyone works: buckets roll and expire
      go.await();
      while (writing.get()) {
        clock.advance(Duration.ofSeconds(7));
        Thread.onSpinWait();
        if (clock.instant().isAfter(start.plus(Duration.ofMinutes(50)))) {
          break;
        }
      }
      return null;
    }));
    go.countDown();
    long[] expected = new long[ARTICLES];
    for (Future<long[]> f : writers) {
      long[] part = f.get(2, TimeUnit.MINUTES);
      for (int a = 0; a < ARTICLES; a++) {
        expected[a] += part[a];
      }
    }
    writing.set(false);
    for (Future<?> f : readers) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();

    Map<ArticleId, Long> expectedById = new HashMap<>();
    long total = 0;
    for (int a = 0; a < ARTICLES; a++) {
      if (expected[a] > 0) {
        expectedById.put(ArticleId.of("a" + a), expected[a]);
      }
      total += expected[a];
    }
    for (RankingQuery.Window w : List.of(RankingQuery.Window.lastHours(24), RankingQuery.Window.allTime(),
        RankingQuery.Window.lastDays(7))) {
      Ranking all = flushed(engine).top(RankingQuery.top(w, 1000));
      Map<ArticleId, Long> actual = new HashMap<>();
      for (RankingEntry e : all.entries()) {
        actual.put(e.articleId(), e.count(EngagementKind.VIEW));
      }
      assertThat(actual).as("%s", w).isEqualTo(expectedById);
    }
    RankingStats stats = engine.stats();
    assertThat(stats.accepted() + stats.rejectedTotal()).isEqualTo((long) WRITERS * EVENTS_PER_WRITER);
    assertThat(total).isPositive();
    assertThat(reads.get()).isPositive();
  }
}
