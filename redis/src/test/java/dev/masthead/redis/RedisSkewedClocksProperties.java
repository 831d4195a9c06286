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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several engines on one namespace, at the SPI level, each calling with its own clock (up to four minutes either
 * side of the site's time, inside the five-minute allowance, so the times the store sees go back and forth): adds,
 * resends, maintenance and reads from every clock, some sent together without waiting, and long gaps that slide
 * windows across tier boundaries. Whenever the store is read at the latest time any engine has seen, each tracked
 * window's top-N and any union of held buckets equal a model that keeps every cell. The seed is fixed.
 */
class RedisSkewedClocksProperties {
  private static final long SEED = 20261204L;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long SKEW = 4 * MINUTE;
  private static final StoreLayout LAYOUT = new StoreLayout(
      List.of(new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
          new BucketTier(Duration.ofHours(1), Duration.ofDays(35))),
      List.of(EngagementKind.VIEW, EngagementKind.SHARE),
      List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30)), Duration.ofMinutes(5));

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Test
  void enginesWithSkewedClocksReadAtTheLatestTimeMatchAModelThatKeepsEveryCell() {
    qt().withFixedSeed(SEED).withExamples(40).forAll(longs().all())
        .checkAssert(RedisSkewedClocksProperties::scenario);
  }

  private static void scenario(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String ns = REDIS.newNamespace("skew-p");
    List<RedisCounterStore> engines = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      engines.add(RedisCounterStore.builder(REDIS.connection()).namespace(ns).layout(LAYOUT)
          .chunkCells(1 + rnd.nextInt(5)).build());
    }
    long site = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli() + rnd.nextLong(60 * DAY);
    long latest = Long.MIN_VALUE;
    List<Cell> added = new ArrayList<>();
    List<Batch> sent = new ArrayList<>();
    List<RedisCounterStore> senders = new ArrayList<>(); // a batch is resent by the engine that sent it
    int articles = 2 + rnd.nextInt(6);
    for (int step = 0; step < 40; step++) {
      RedisCounterStore store = engines.get(rnd.nextInt(engines.size()));
      long now = site + rnd.nextLong(-SKEW, SKEW + 1);
      latest = Math.max(latest, now);
      int op = rnd.nextInt(10);
      if (op < 4) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
          long at = switch (rnd.nextInt(4)) {
            case 0 -> now - rnd.nextLong(HOUR); // late, as the engine allows
            case 1 -> Math.floorDiv(now - DAY, MINUTE) * MINUTE - rnd.nextInt(2); // the 24-hour window's edge
            case 2 -> Math.floorDiv(now, HOUR) * HOUR - rnd.nextInt(2); // an hour's edge
            default -> now - rnd.nextLong(MINUTE) + rnd.nextLong(4 * MINUTE);
          };
          cells.add(new Cell(ArticleId.of("a" + rnd.nextInt(articles)), rnd.nextInt(2), Math.floorDiv(at, MINUTE),
              1 + rnd.nextInt(3), at));
        }
        Batch b = new Batch("k" + seed + "-" + step, cells);
        if (rnd.nextBoolean()) { // sent beside a maintenance from another engine's clock, neither waited for
          long other = site + rnd.nextLong(-SKEW, SKEW + 1);
          latest = Math.max(latest, other);
          CompletableFuture<Void> a = store.add(b, now).toCompletableFuture();
          CompletableFuture<Void> m = engines.get(rnd.nextInt(engines.size())).maintain(other).toCompletableFuture();
          await(CompletableFuture.allOf(a, m));
        } else {
          await(store.add(b, now));
        }
        added.addAll(cells);
        sent.add(b);
        senders.add(store);
      } else if (op == 4 && !sent.isEmpty()) {
        int i = rnd.nextInt(sent.size());
        await(senders.get(i).add(sent.get(i), now)); // a resend, at a later time of its engine's, counts nothing
      } else if (op == 5) {
        await(store.maintain(now));
      } else if (op == 6) {
        site += switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextLong(10 * MINUTE);
          case 1 -> rnd.nextLong(6 * HOUR);
          case 2 -> rnd.nextLong(2 * DAY);
          default -> rnd.nextLong(12 * DAY); // past the 7-day window, across the minute tier's horizon
        };
      } else if (op == 7) {
        await(store.top(LAYOUT.trackedWindows().get(rnd.nextInt(3)), new long[] {1, 1}, 3, now)); // a slower clock
      } else if (op == 8) {
        int w = rnd.nextInt(LAYOUT.trackedWindows().size());
        long[] weights = {rnd.nextInt(4), rnd.nextInt(4)};
        int limit = rnd.nextInt(4) == 0 ? Integer.MAX_VALUE : 1 + rnd.nextInt(4);
        assertThat(await(store.top(LAYOUT.trackedWindows().get(w), weights, limit, latest)))
            .as("top of %s weights %s limit %d at %s, seed %d", LAYOUT.trackedWindows().get(w),
                Arrays.toString(weights), limit, Instant.ofEpochMilli(latest), seed)
            .containsExactlyElementsOf(modelTop(added, w, weights, limit, latest));
      } else {
        int t = rnd.nextInt(LAYOUT.tiers().size());
        long res = LAYOUT.tiers().get(t).resolution().toMillis();
        long last = Math.floorDiv(latest + 5 * MINUTE, res);
        List<Bucket> buckets = new ArrayList<>();
        for (long b = Math.max(LAYOUT.keepStart(t, latest), last - 1 - rnd.nextInt(200)); b <= last; b++) {
          buckets.add(new Bucket(Duration.ofMillis(res), b));
        }
        double[] ones = new double[buckets.size()];
        Arrays.fill(ones, 1.0);
        assertThat(sorted(await(store.union(buckets, ones, latest))))
            .as("union of %d buckets of tier %d at %s, seed %d", buckets.size(), t, Instant.ofEpochMilli(latest), seed)
            .containsExactlyElementsOf(sorted(modelUnion(added, t, buckets)));
      }
    }
  }

  private static List<Tally> sorted(List<Tally> tallies) {
    List<Tally> s = new ArrayList<>(tallies);
    s.sort(Comparator.comparing(Tally::articleId));
    return s;
  }

  private static long bucketOf(Cell c, int tier) {
    return Math.floorDiv(c.bucketIndex() * MINUTE, LAYOUT.tiers().get(tier).resolution().toMillis());
  }

  /**
   * The documented rule at the latest time: the cells in the window's tier from the bucket holding
   * {@code latest - window} on. (Every such bucket is at or after the keep start of any earlier time.)
   */
  private static List<Tally> modelTop(List<Cell> added, int w, long[] weights, int limit, long latest) {
    Duration window = LAYOUT.trackedWindows().get(w);
    int t = window.compareTo(Duration.ofDays(1)) <= 0 ? 0 : 1;
    long from = Math.floorDiv(latest - window.toMillis(), LAYOUT.tiers().get(t).resolution().toMillis());
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (Cell c : added) {
      if (bucketOf(c, t) >= from) {
        counts.computeIfAbsent(c.articleId(), x -> new long[2])[c.kindIndex()] += c.count();
        last.merge(c.articleId(), c.lastEventEpochMillis(), Math::max);
      }
    }
    List<Tally> all = new ArrayList<>();
    counts.forEach((id, c) -> all.add(Tally.unweighted(id, c, last.get(id))));
    all.sort(Comparator.<Tally>comparingLong(x -> -(x.counts()[0] * weights[0] + x.counts()[1] * weights[1]))
        .thenComparing(Comparator.<Tally>comparingLong(Tally::lastEventEpochMillis).reversed())
        .thenComparing(Tally::articleId));
    return all.subList(0, Math.min(limit, all.size()));
  }

  private static List<Tally> modelUnion(List<Cell> added, int t, List<Bucket> buckets) {
    Map<Long, Boolean> wanted = new HashMap<>();
    for (Bucket b : buckets) {
      wanted.put(b.index(), true);
    }
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (Cell c : added) {
      if (wanted.containsKey(bucketOf(c, t))) {
        counts.computeIfAbsent(c.articleId(), x -> new long[2])[c.kindIndex()] += c.count();
        last.merge(c.articleId(), c.lastEventEpochMillis(), Math::max);
      }
    }
    List<Tally> out = new ArrayList<>();
    counts.forEach((id, c) -> out.add(new Tally(id, c, new double[] {c[0], c[1]}, last.get(id))));
    return out;
  }
}
