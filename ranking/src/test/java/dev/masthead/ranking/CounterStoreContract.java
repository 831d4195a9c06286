package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CounterStore}, for every implementation: subclass it and say how to attach a store,
 * holding no counts, for a layout. Each test attaches one store for the default layout (tiers of 1 minute
 * for 1 day and 1 hour for 35 days; kinds COMMENT, SHARE, VIEW at indexes 0, 1, 2; tracked windows 24 h,
 * 7 d and 30 d; skew allowance 5 minutes) and waits at most 10 seconds for each call.
 */
public abstract class CounterStoreContract {
  /** The default layout, which every test uses. */
  protected static final StoreLayout LAYOUT = RankingConfig.defaults().layout();
  private static final int COMMENT = 0;
  private static final int SHARE = 1;
  private static final int VIEW = 2;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;
  private static final long DAY = 86_400_000;
  private static final long NOW = Instant.parse("2026-06-17T12:00:00Z").toEpochMilli();
  private static final ArticleId A = ArticleId.of("a");
  private static final ArticleId B = ArticleId.of("b");
  private static final ArticleId C = ArticleId.of("c");
  private static final long[] DEFAULT_WEIGHTS = {10, 5, 1};

  private CounterStore store;
  private int batches;

  /**
   * Attaches a new store, holding no counts, for a layout.
   *
   * @param layout the layout
   * @return the store
   */
  protected abstract CounterStore attach(StoreLayout layout);

  /**
   * Releases a store after a test; closes it by default.
   *
   * @param store a store from {@link #attach}
   */
  protected void detach(CounterStore store) {
    store.close();
  }

  @BeforeEach
  public void attachStore() {
    store = attach(LAYOUT);
  }

  @AfterEach
  public void detachStore() {
    detach(store);
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("store call failed", e);
    }
  }

  private static CounterStore.Cell cell(ArticleId id, int kind, long count, long at) {
    return new CounterStore.Cell(id, kind, Math.floorDiv(at, MINUTE), count, at);
  }

  private CounterStore.Batch batch(CounterStore.Cell... cells) {
    return new CounterStore.Batch("contract:" + System.identityHashCode(this) + ":" + (batches++), List.of(cells));
  }

  private void add(long now, CounterStore.Cell... cells) {
    await(store.add(batch(cells), now));
  }

  private List<CounterStore.Tally> top(Duration window, int limit, long now) {
    return await(store.top(window, DEFAULT_WEIGHTS, limit, now));
  }

  private static List<ArticleId> ids(List<CounterStore.Tally> tallies) {
    return tallies.stream().map(CounterStore.Tally::articleId).toList();
  }

  private Map<ArticleId, CounterStore.Tally> union(List<Bucket> buckets, double[] weights, long now) {
    Map<ArticleId, CounterStore.Tally> byId = new HashMap<>();
    for (CounterStore.Tally t : await(store.union(buckets, weights, now))) {
      assertThat(byId.put(t.articleId(), t)).as("one tally per article").isNull();
    }
    return byId;
  }

  private static Bucket minute(long at) {
    return new Bucket(Duration.ofMinutes(1), Math.floorDiv(at, MINUTE));
  }

  private static Bucket hour(long at) {
    return new Bucket(Duration.ofHours(1), Math.floorDiv(at, HOUR));
  }

  @Test
  public void holdsTheLayoutItWasAttachedFor() {
    assertThat(store.layout()).isEqualTo(LAYOUT);
  }

  @Test
  public void countsACellInEveryTierAndInTheRunningTotals() {
    add(NOW, cell(A, VIEW, 3, NOW - 10_000), cell(B, COMMENT, 1, NOW - 5_000));
    Map<ArticleId, CounterStore.Tally> inMinute = union(List.of(minute(NOW - 1)), new double[] {1}, NOW);
    assertThat(inMinute.get(A).counts()).containsExactly(0, 0, 3);
    assertThat(inMinute.get(B).counts()).containsExactly(1, 0, 0);
    assertThat(inMinute.get(A).lastEventEpochMillis()).isEqualTo(NOW - 10_000);
    Map<ArticleId, CounterStore.Tally> inHour = union(List.of(hour(NOW - 1)), new double[] {1}, NOW);
    assertThat(inHour.get(A).counts()).containsExactly(0, 0, 3);
    for (Duration w : LAYOUT.trackedWindows()) {
      List<CounterStore.Tally> best = await(store.top(w, DEFAULT_WEIGHTS, 10, NOW));
      assertThat(ids(best)).as("%s", w).containsExactly(B, A); // 10 × 1 comment beats 1 × 3 views
      assertThat(best.get(1).counts()).containsExactly(0, 0, 3);
      assertThat(best.get(1).weightedCounts()).containsExactly(0.0, 0.0, 3.0);
      assertThat(best.get(1).lastEventEpochMillis()).isEqualTo(NOW - 10_000);
    }
  }

  @Test
  public void cellsRepeatingAKeyAddUpAndKeepTheLatestEvent() {
    add(NOW, cell(A, VIEW, 2, NOW - 30_000), cell(A, VIEW, 5, NOW - 50_000), cell(A, SHARE, 1, NOW - 40_000));
    add(NOW, cell(A, VIEW, 1, NOW - 59_000));
    CounterStore.Tally a = top(Duration.ofHours(24), 1, NOW).get(0);
    assertThat(a.counts()).containsExactly(0, 1, 8);
    assertThat(a.lastEventEpochMillis()).isEqualTo(NOW - 30_000);
  }

  @Test
  public void aResentBatchCountsOnceAndAnotherIdCountsAgain() {
    CounterStore.Batch b = batch(cell(A, VIEW, 4, NOW - 1_000), cell(B, VIEW, 1, NOW - 1_000));
    await(store.add(b, NOW));
    await(store.add(b, NOW)); // the engine resends after a timeout, the same id and cells
    await(store.add(new CounterStore.Batch(b.id(), b.cells()), NOW + 1_000));
    assertThat(top(Duration.ofHours(24), 5, NOW).get(0).counts()).containsExactly(0, 0, 4);
    await(store.add(new CounterStore.Batch(b.id() + "-other", b.cells()), NOW));
    assertThat(top(Duration.ofHours(24), 5, NOW).get(0).counts()).containsExactly(0, 0, 8);
  }

  @Test
  public void concurrentResendsOfOneBatchCountOnce() throws Exception {
    CounterStore.Batch b = batch(cell(A, VIEW, 1, NOW - 1_000));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(() -> await(store.add(b, NOW))));
      }
      for (Future<?> f : all) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(top(Duration.ofHours(24), 1, NOW).get(0).counts()).containsExactly(0, 0, 1);
  }

  @Test
  public void concurrentBatchesAreAllCounted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> all = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        all.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            ArticleId id = ArticleId.of("c" + (i % 7));
            await(store.add(new CounterStore.Batch("concurrent:" + thread + ":" + i,
                List.of(cell(id, VIEW, 1 + i % 3, NOW - 1_000 * (i % 50)))), NOW));
          }
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long[] expected = new long[7];
    for (int i = 0; i < 50; i++) {
      expected[i % 7] += 4L * (1 + i % 3);
    }
    Map<ArticleId, CounterStore.Tally> all24 = new HashMap<>();
    for (CounterStore.Tally t : top(Duration.ofHours(24), Integer.MAX_VALUE, NOW)) {
      all24.put(t.articleId(), t);
    }
    for (int i = 0; i < 7; i++) {
      assertThat(all24.get(ArticleId.of("c" + i)).counts()[VIEW]).isEqualTo(expected[i]);
    }
  }

  @Test
  public void topOrdersByScoreThenLatestEventThenIdAndCutsAtTheLimit() {
    add(NOW, cell(A, VIEW, 5, NOW - 20_000), cell(B, VIEW, 5, NOW - 10_000), cell(C, VIEW, 5, NOW - 10_000),
        cell(ArticleId.of("d"), SHARE, 1, NOW - 30_000), cell(ArticleId.of("e"), VIEW, 6, NOW - 90_000));
    // scores: e 6, then four at 5: b and c at the latest event (b before c by id), d (share × 5) and a.
    assertThat(ids(top(Duration.ofHours(24), 10, NOW))).extracting(ArticleId::value)
        .containsExactly("e", "b", "c", "a", "d");
    assertThat(ids(top(Duration.ofHours(24), 3, NOW))).extracting(ArticleId::value).containsExactly("e", "b", "c");
    assertThat(ids(top(Duration.ofHours(24), 2, NOW))).extracting(ArticleId::value).containsExactly("e", "b");
  }

  @Test
  public void topWeighsKindsExactlyAndKeepsZeroScores() {
    add(NOW, cell(A, VIEW, 7, NOW - 1_000), cell(B, COMMENT, 2, NOW - 2_000));
    List<CounterStore.Tally> viewsOnly = await(store.top(Duration.ofHours(24), new long[] {0, 0, 1}, 10, NOW));
    assertThat(ids(viewsOnly)).containsExactly(A, B); // b has a score of 0 and is still a candidate
    List<CounterStore.Tally> all = await(store.top(Duration.ofDays(7), new long[] {1, 1, 1}, Integer.MAX_VALUE, NOW));
    assertThat(ids(all)).containsExactly(A, B);
  }

  @Test
  public void countsSaturateInsteadOfOverflowing() {
    add(NOW, cell(A, VIEW, Long.MAX_VALUE - 1, NOW - 1_000));
    add(NOW, cell(A, VIEW, 5, NOW - 1_000), cell(A, COMMENT, Long.MAX_VALUE, NOW - 1_000));
    CounterStore.Tally a = top(Duration.ofHours(24), 1, NOW).get(0);
    assertThat(a.counts()).containsExactly(Long.MAX_VALUE, 0, Long.MAX_VALUE);
    assertThat(union(List.of(minute(NOW - 1_000)), new double[] {1}, NOW).get(A).counts())
        .containsExactly(Long.MAX_VALUE, 0, Long.MAX_VALUE);
  }

  @Test
  public void unionSumsWeightedCountsInTheGivenOrder() {
    long m1 = NOW - 3 * MINUTE;
    long m2 = NOW - 2 * MINUTE;
    add(NOW, cell(A, VIEW, 3, m1 + 5), cell(A, VIEW, 7, m2 + 9), cell(B, SHARE, 1, m2 + 1));
    double w1 = 0.1;
    double w2 = 0.7;
    Map<ArticleId, CounterStore.Tally> u = union(List.of(minute(m1), minute(m2)), new double[] {w1, w2}, NOW);
    assertThat(u).containsOnlyKeys(A, B);
    assertThat(u.get(A).counts()).containsExactly(0, 0, 10);
    assertThat(u.get(A).weightedCounts()[VIEW]).isEqualTo(0.0 + w1 * 3 + w2 * 7); // exactly, in this order
    assertThat(u.get(A).lastEventEpochMillis()).isEqualTo(m2 + 9);
    assertThat(u.get(B).weightedCounts()).containsExactly(0.0, w2 * 1, 0.0);
    assertThat(union(List.of(minute(NOW - 10 * MINUTE)), new double[] {1}, NOW)).isEmpty();
  }

  @Test
  public void unionMixesTiersAndIgnoresBucketsNoLongerHeld() {
    long twoHoursAgo = NOW - 2 * HOUR - 5 * MINUTE;
    add(NOW, cell(A, VIEW, 2, twoHoursAgo), cell(A, VIEW, 3, NOW - MINUTE));
    Map<ArticleId, CounterStore.Tally> u = union(List.of(hour(twoHoursAgo), minute(NOW - MINUTE)),
        new double[] {1, 1}, NOW);
    assertThat(u.get(A).counts()).containsExactly(0, 0, 5);
    long later = NOW + 2 * DAY; // minute buckets are kept for a day
    await(store.maintain(later));
    assertThat(union(List.of(minute(NOW - MINUTE)), new double[] {1}, later)).isEmpty();
    assertThat(union(List.of(hour(NOW - MINUTE)), new double[] {1}, later).get(A).counts()).containsExactly(0, 0, 3);
  }

  @Test
  public void aTrackedTotalStartsAtTheWindowStartRoundedDownToItsTier() {
    long edge = NOW - DAY; // the 24-hour window starts in the minute holding now - 24 h
    add(NOW, cell(A, VIEW, 1, Math.floorDiv(edge, MINUTE) * MINUTE), cell(B, VIEW, 1, Math.floorDiv(edge, MINUTE)
        * MINUTE - 1));
    assertThat(ids(top(Duration.ofHours(24), 10, NOW))).containsExactly(A);
    long weekEdge = NOW - 7 * DAY; // the 7-day window reads hourly buckets
    add(NOW, cell(C, VIEW, 1, Math.floorDiv(weekEdge, HOUR) * HOUR + 30 * MINUTE));
    assertThat(ids(top(Duration.ofDays(7), 10, NOW))).contains(C);
  }

  @Test
  public void aBucketLeavesARunningTotalOnceHoweverOftenAndInWhateverOrderItIsMaintained() {
    add(NOW, cell(A, VIEW, 4, NOW - HOUR), cell(B, VIEW, 1, NOW - MINUTE));
    long later = NOW + DAY - 30 * MINUTE; // A's bucket has left the 24-hour window, B's has not
    await(store.maintain(later));
    await(store.maintain(later));
    await(store.maintain(NOW)); // an engine with a slower clock
    await(store.maintain(later - 1));
    assertThat(ids(top(Duration.ofHours(24), 10, later))).containsExactly(B);
    assertThat(top(Duration.ofHours(24), 10, NOW).get(0).counts()).containsExactly(0, 0, 1); // never negative
    assertThat(top(Duration.ofDays(7), 10, later).get(0).counts()).containsExactly(0, 0, 4);
    add(later, cell(B, VIEW, 2, later - MINUTE));
    assertThat(top(Duration.ofHours(24), 10, later).get(0).counts()).containsExactly(0, 0, 3);
  }

  @Test
  public void readsAreCorrectWithoutMaintenance() {
    add(NOW, cell(A, VIEW, 4, NOW - HOUR));
    assertThat(top(Duration.ofHours(24), 10, NOW + DAY)).isEmpty();
    assertThat(ids(top(Duration.ofDays(30), 10, NOW + DAY))).containsExactly(A);
  }

  @Test
  public void aCellBehindAWindowThatAlreadySlidIsNotInItsTotal() {
    await(store.maintain(NOW));
    add(NOW, cell(A, VIEW, 1, NOW - DAY - HOUR)); // late for the 24-hour window, inside the 7-day one
    assertThat(top(Duration.ofHours(24), 10, NOW)).isEmpty();
    assertThat(ids(top(Duration.ofDays(7), 10, NOW))).containsExactly(A);
    assertThat(union(List.of(hour(NOW - DAY - HOUR)), new double[] {1}, NOW)).containsOnlyKeys(A);
  }

  @Test
  public void reportsItsSize() {
    add(NOW, cell(A, VIEW, 1, NOW - 1_000), cell(B, VIEW, 1, NOW - 1_000), cell(B, SHARE, 1, NOW - 1_000));
    CounterStore.Stats s = await(store.stats());
    if (s.liveCells() != -1) {
      assertThat(s.liveCells()).isEqualTo(6); // three cells, each in the minute and the hour tier
    }
    if (s.articles() != -1) {
      assertThat(s.articles()).isEqualTo(2);
    }
    assertThat(s.estimatedBytes()).isGreaterThanOrEqualTo(-1);
  }

  @Test
  public void refusesMisuseWithIllegalArgument() {
    assertRefused(() -> store.top(Duration.ofHours(2), DEFAULT_WEIGHTS, 5, NOW));
    assertRefused(() -> store.top(Duration.ofHours(24), new long[] {1, 1}, 5, NOW));
    assertRefused(() -> store.top(Duration.ofHours(24), new long[] {1, -1, 1}, 5, NOW));
    assertRefused(() -> store.top(Duration.ofHours(24), DEFAULT_WEIGHTS, 0, NOW));
    assertRefused(() -> store.union(List.of(minute(NOW)), new double[] {1, 1}, NOW));
    assertRefused(() -> store.union(List.of(new Bucket(Duration.ofMinutes(5), 1)), new double[] {1}, NOW));
    assertRefused(() -> store.add(batch(new CounterStore.Cell(A, 3, Math.floorDiv(NOW, MINUTE), 1, NOW)), NOW));
    assertRefused(() -> store.add(batch(new CounterStore.Cell(A, VIEW, Math.floorDiv(NOW, MINUTE), 1,
        NOW + MINUTE)), NOW));
    assertThat(top(Duration.ofHours(24), 10, NOW)).isEmpty(); // nothing was counted
  }

  private static void assertRefused(java.util.function.Supplier<? extends CompletionStage<?>> call) {
    assertThatThrownBy(() -> {
      try {
        call.get().toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause();
      }
    }).isInstanceOf(IllegalArgumentException.class);
  }
}
