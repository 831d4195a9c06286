package dev.masthead.redis;

import static dev.masthead.redis.RedisCounterStoreTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.BucketTier;
import dev.masthead.ranking.CounterStore.Batch;
import dev.masthead.ranking.CounterStore.Cell;
import dev.masthead.ranking.CounterStore.Tally;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.StoreLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Model-based test of the Redis store at the SPI level: random batches (resent at random, with late cells and
 * cells on bucket edges), maintenance at random times, and top-N and union queries, against a model that keeps
 * every cell and sums and sorts on demand, written from {@code CounterStore}'s documentation. The seed is fixed.
 */
class RedisCounterStoreProperties {
  private static final long SEED = 20261201L;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final StoreLayout LAYOUT = new StoreLayout(
      List.of(new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
          new BucketTier(Duration.ofHours(1), Duration.ofDays(90)),
          new BucketTier(Duration.ofDays(1), Duration.ofDays(120))),
      List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT),
      List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(3)),
      Duration.ofMinutes(5));

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  private record Added(Cell cell, long now) {}

  @Test
  void matchesAModelThatKeepsEveryCell() {
    qt().withFixedSeed(SEED).withExamples(25).forAll(longs().all()).checkAssert(RedisCounterStoreProperties::scenario);
  }

  private static void scenario(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    RedisCounterStore store = RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace("p"))
        .layout(LAYOUT).chunkCells(1 + rnd.nextInt(6)).build();
    long now = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli() + rnd.nextLong(200L * 86_400_000);
    List<Added> added = new ArrayList<>();
    List<Batch> sent = new ArrayList<>();
    int articles = 2 + rnd.nextInt(8);
    for (int step = 0; step < 30; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        List<Cell> cells = new ArrayList<>();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
          long at = switch (rnd.nextInt(4)) {
            case 0 -> now - rnd.nextLong(2 * HOUR); // late
            case 1 -> Math.floorDiv(now, HOUR) * HOUR - rnd.nextInt(2); // on an hour's edge
            case 2 -> now + rnd.nextLong(5 * MINUTE); // a little ahead
            default -> now - rnd.nextLong(MINUTE);
          };
          cells.add(new Cell(ArticleId.of("a" + rnd.nextInt(articles)), rnd.nextInt(3), Math.floorDiv(at, MINUTE),
              count(rnd), at));
        }
        Batch b = new Batch("s" + seed + "-" + step, cells);
        await(store.add(b, now));
        for (Cell c : cells) {
          added.add(new Added(c, now));
        }
        sent.add(b);
      } else if (op == 5 && !sent.isEmpty()) {
        await(store.add(sent.get(rnd.nextInt(sent.size())), now)); // a resend counts nothing
      } else if (op == 6) {
        await(store.maintain(now));
      } else if (op == 7) {
        now += switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextLong(10 * MINUTE);
          case 1 -> rnd.nextLong(6 * HOUR);
          case 2 -> rnd.nextLong(3 * 86_400_000L);
          default -> rnd.nextLong(20 * 86_400_000L);
        };
      } else if (op == 8) {
        int w = rnd.nextInt(LAYOUT.trackedWindows().size());
        long[] weights = {rnd.nextInt(3), rnd.nextInt(6), rnd.nextInt(11)};
        int limit = rnd.nextInt(5) == 0 ? Integer.MAX_VALUE : 1 + rnd.nextInt(5);
        List<Tally> expected = modelTop(added, w, weights, limit, now);
        assertThat(await(store.top(LAYOUT.trackedWindows().get(w), weights, limit, now)))
            .as("top of %s weights %s limit %d at %s, seed %d", LAYOUT.trackedWindows().get(w),
                java.util.Arrays.toString(weights), limit, Instant.ofEpochMilli(now), seed)
            .containsExactlyElementsOf(expected);
      } else {
        int t = rnd.nextInt(LAYOUT.tiers().size());
        long res = LAYOUT.tiers().get(t).resolution().toMillis();
        long keep = LAYOUT.keepStart(t, now);
        long last = Math.floorDiv(now + 5 * MINUTE, res);
        List<Bucket> buckets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (long b = Math.max(keep, last - 1 - rnd.nextInt(100)); b <= last; b++) {
          if (rnd.nextInt(3) > 0) {
            buckets.add(new Bucket(Duration.ofMillis(res), b));
            weights.add(rnd.nextBoolean() ? 1.0 : rnd.nextDouble());
          }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        List<Tally> expected = sorted(modelUnion(added, t, buckets, w));
        assertThat(sorted(await(store.union(buckets, w, now))))
            .as("union of %d buckets of tier %d, seed %d", buckets.size(), t, seed)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  /**
   * A cell's count: mostly 1 to 3; one in eight near the largest count a cell of some tier packs into one number
   * (2^53 / resolution: a day's, an hour's or a minute's), so that sums cross from the packed form to the text one.
   */
  private static long count(SplittableRandom rnd) {
    if (rnd.nextInt(8) > 0) {
      return 1 + rnd.nextInt(3);
    }
    long[] resolutions = {86_400_000L, HOUR, MINUTE};
    long most = (1L << 53) / resolutions[rnd.nextInt(3)];
    return most / 2 + rnd.nextLong(most / 2 + most / 4); // a few of these in one cell pass the packed form
  }

  private static List<Tally> sorted(List<Tally> tallies) {
    List<Tally> s = new ArrayList<>(tallies);
    s.sort(Comparator.comparing(Tally::articleId));
    return s;
  }

  private static long bucketOf(Cell c, int tier) {
    long res = LAYOUT.tiers().get(tier).resolution().toMillis();
    return Math.floorDiv(c.bucketIndex() * MINUTE, res);
  }

  private static int tierFor(Duration window) {
    for (int t = 0; t < LAYOUT.tiers().size(); t++) {
      if (LAYOUT.tiers().get(t).horizon().compareTo(window) >= 0) {
        return t;
      }
    }
    throw new AssertionError();
  }

  /** The documented rule: the cells counted in the window's tier from the bucket holding now - window on. */
  private static List<Tally> modelTop(List<Added> added, int w, long[] weights, int limit, long now) {
    Duration window = LAYOUT.trackedWindows().get(w);
    int t = tierFor(window);
    long res = LAYOUT.tiers().get(t).resolution().toMillis();
    long from = Math.floorDiv(now - window.toMillis(), res);
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (Added a : added) {
      long b = bucketOf(a.cell(), t);
      if (b >= from && b >= LAYOUT.keepStart(t, a.now())) {
        counts.computeIfAbsent(a.cell().articleId(), x -> new long[3])[a.cell().kindIndex()] += a.cell().count();
        last.merge(a.cell().articleId(), a.cell().lastEventEpochMillis(), Math::max);
      }
    }
    List<Tally> all = new ArrayList<>();
    counts.forEach((id, c) -> all.add(Tally.unweighted(id, c, last.get(id))));
    all.sort(Comparator.<Tally>comparingLong(x -> -score(x.counts(), weights))
        .thenComparing(Comparator.<Tally>comparingLong(Tally::lastEventEpochMillis).reversed())
        .thenComparing(Tally::articleId));
    return all.subList(0, Math.min(limit, all.size()));
  }

  private static long score(long[] counts, long[] weights) {
    long s = 0;
    for (int k = 0; k < counts.length; k++) {
      s += counts[k] * weights[k];
    }
    return s;
  }

  private static List<Tally> modelUnion(List<Added> added, int t, List<Bucket> buckets, double[] weights) {
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, double[]> weighted = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (int i = 0; i < buckets.size(); i++) {
      Map<ArticleId, long[]> inBucket = new HashMap<>();
      for (Added a : added) {
        long b = bucketOf(a.cell(), t);
        if (b == buckets.get(i).index() && b >= LAYOUT.keepStart(t, a.now())) {
          inBucket.computeIfAbsent(a.cell().articleId(), x -> new long[3])[a.cell().kindIndex()] += a.cell().count();
          last.merge(a.cell().articleId(), a.cell().lastEventEpochMillis(), Math::max);
        }
      }
      double w = weights[i];
      inBucket.forEach((id, c) -> {
        long[] sum = counts.computeIfAbsent(id, x -> new long[3]);
        double[] ws = weighted.computeIfAbsent(id, x -> new double[3]);
        for (int k = 0; k < 3; k++) {
          sum[k] += c[k];
          ws[k] += w * c[k];
        }
      });
    }
    List<Tally> out = new ArrayList<>();
    counts.forEach((id, c) -> out.add(new Tally(id, c, weighted.get(id), last.get(id))));
    return out;
  }
}
