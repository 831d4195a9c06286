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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Model-based test of the Redis store at the SPI level: random batches (resent at random, with late cells, cells
 * a little ahead and cells on the last milliseconds of buckets), maintenance at random times, time passing, and
 * top-N and union queries, against {@link CellModel}, which keeps every cell and sums and sorts on demand. Counts
 * are drawn near the packing limit of each tier (key layout 4 keeps a cell as {@code count × R + offset} while
 * that is at most 2^53, text beyond), so that sums cross from the packed form into the text one while the latest
 * event times (the tie-breaks of a top-N) must survive every add, slide, recount and union; every total stays below
 * 2^53 / 64, where the store's counts and scores are exact. Run on a layout like the default one (minute, hour and
 * day tiers, four tracked windows) and on odd ones: a 9-second finest tier under a 90-minute and a 30-day one (a
 * 30-day cell packs only about 3.5 million events), a 1-millisecond finest tier (every offset 0), and a single
 * 90-minute tier. The seeds are fixed.
 */
class RedisCounterStoreProperties {
  private static final long SEED = 20261202L;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long EXACT_TOTAL = (1L << 53) / 64;
  private static final List<EngagementKind> KINDS =
      List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT);
  /** Like the default layout: minute, hour and day tiers; 24 h, 7 d, 30 d and 3 h tracked. */
  private static final StoreLayout LAYOUT = new StoreLayout(
      List.of(new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
          new BucketTier(Duration.ofHours(1), Duration.ofDays(90)),
          new BucketTier(Duration.ofDays(1), Duration.ofDays(120))),
      KINDS, List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(3)),
      Duration.ofMinutes(5));
  private static final List<StoreLayout> ODD_LAYOUTS = List.of(
      new StoreLayout(
          List.of(new BucketTier(Duration.ofSeconds(9), Duration.ofDays(1)),
              new BucketTier(Duration.ofMinutes(90), Duration.ofDays(30)),
              new BucketTier(Duration.ofDays(30), Duration.ofDays(400))),
          KINDS, List.of(Duration.ofHours(1), Duration.ofDays(60), Duration.ofDays(7), Duration.ofDays(30)),
          Duration.ofMinutes(5)),
      new StoreLayout(
          List.of(new BucketTier(Duration.ofMillis(1), Duration.ofMinutes(10)),
              new BucketTier(Duration.ofSeconds(1), Duration.ofHours(2)),
              new BucketTier(Duration.ofMinutes(90), Duration.ofDays(3))),
          KINDS, List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(2)), Duration.ofSeconds(30)),
      new StoreLayout(List.of(new BucketTier(Duration.ofMinutes(90), Duration.ofDays(10))), KINDS,
          List.of(Duration.ofDays(2), Duration.ofHours(3)), Duration.ofMinutes(5)));

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Test
  void matchesAModelThatKeepsEveryCell() {
    qt().withFixedSeed(20261201L).withExamples(25).forAll(longs().all())
        .checkAssert(seed -> new Run(LAYOUT, new SplittableRandom(seed), seed).go());
  }

  @Test
  void packedAndTextCellsCountExactlyUnderOddTierLayouts() {
    qt().withFixedSeed(SEED).withExamples(30).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      new Run(ODD_LAYOUTS.get(rnd.nextInt(ODD_LAYOUTS.size())), rnd, seed).go();
    });
  }

  private static final class Run {
    final StoreLayout layout;
    final SplittableRandom rnd;
    final long seed;
    final long finest;
    final CellModel model;
    long total;

    Run(StoreLayout layout, SplittableRandom rnd, long seed) {
      this.layout = layout;
      this.rnd = rnd;
      this.seed = seed;
      this.finest = res(0);
      this.model = new CellModel(layout);
    }

    long res(int t) {
      return layout.tiers().get(t).resolution().toMillis();
    }

    void go() {
      RedisCounterStore store = RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace("p"))
          .layout(layout).chunkCells(1 + rnd.nextInt(6)).build();
      long now = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli() + rnd.nextLong(200L * DAY);
      List<Batch> sent = new ArrayList<>();
      int articles = 2 + rnd.nextInt(6);
      long late = Math.min(2 * HOUR, layout.tiers().get(0).horizon().toMillis() / 4);
      long skew = layout.futureSkew().toMillis();
      int tiers = layout.tiers().size();
      for (int step = 0; step < 40; step++) {
        int op = rnd.nextInt(10);
        if (op < 5) {
          List<Cell> cells = new ArrayList<>();
          int n = 1 + rnd.nextInt(8);
          for (int i = 0; i < n; i++) {
            long at = switch (rnd.nextInt(4)) {
              case 0 -> now - rnd.nextLong(late);
              case 1 -> { // the last milliseconds before an edge of some tier's bucket (and of every finer tier's)
                long r = res(rnd.nextInt(tiers));
                yield Math.floorDiv(now, r) * r - 1 - rnd.nextInt(2);
              }
              case 2 -> now + rnd.nextLong(skew);
              default -> now - rnd.nextLong(Math.min(late, 2 * finest));
            };
            long count = count();
            total += count;
            cells.add(new Cell(ArticleId.of("a" + rnd.nextInt(articles)), rnd.nextInt(3),
                Math.floorDiv(at, finest), count, at));
          }
          Batch b = new Batch("o" + seed + "-" + step, cells);
          await(store.add(b, now));
          for (Cell c : cells) {
            model.add(c, now);
          }
          sent.add(b);
        } else if (op == 5 && !sent.isEmpty()) {
          await(store.add(sent.get(rnd.nextInt(sent.size())), now)); // a resend counts nothing
        } else if (op == 6) {
          await(store.maintain(now));
        } else if (op == 7) {
          now += switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextLong(Math.max(2, 10 * finest));
            case 1 -> rnd.nextLong(6 * HOUR);
            case 2 -> rnd.nextLong(3 * DAY);
            default -> rnd.nextLong(40 * DAY);
          };
        } else if (op == 8) {
          int w = rnd.nextInt(layout.trackedWindows().size());
          long[] weights = {rnd.nextInt(3), rnd.nextInt(6), rnd.nextInt(11)};
          int limit = rnd.nextInt(5) == 0 ? Integer.MAX_VALUE : 1 + rnd.nextInt(5);
          List<Tally> expected = model.top(w, weights, limit, now);
          assertThat(await(store.top(layout.trackedWindows().get(w), weights, limit, now)))
              .as("top of %s weights %s limit %d at %s, layout %s, seed %d", layout.trackedWindows().get(w),
                  Arrays.toString(weights), limit, Instant.ofEpochMilli(now), layout.encoded(), seed)
              .containsExactlyElementsOf(expected);
        } else {
          int t = rnd.nextInt(tiers);
          long r = res(t);
          long keep = layout.keepStart(t, now);
          long last = Math.floorDiv(now + skew, r);
          List<Bucket> buckets = new ArrayList<>();
          List<Double> weights = new ArrayList<>();
          for (long b : bucketsToAsk(t, keep, last)) {
            buckets.add(new Bucket(Duration.ofMillis(r), b));
            weights.add(rnd.nextBoolean() ? 1.0 : rnd.nextDouble());
          }
          double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
          List<Tally> expected = model.union(t, buckets, w);
          assertThat(CellModel.sorted(await(store.union(buckets, w, now))))
              .as("union of %d buckets of tier %d, layout %s, seed %d", buckets.size(), t, layout.encoded(), seed)
              .containsExactlyElementsOf(expected);
        }
      }
    }

    /** Buckets of tier t from keep to last: mostly those cells were added to (a 1-ms tier has many empty). */
    List<Long> bucketsToAsk(int t, long keep, long last) {
      List<Long> out = new ArrayList<>();
      for (long b : model.bucketsWritten(t)) {
        if (b >= keep && b <= last && rnd.nextInt(4) > 0) {
          out.add(b);
        }
      }
      for (long b = Math.max(keep, last - 1 - rnd.nextInt(20)); b <= last; b++) {
        if (!out.contains(b) && rnd.nextBoolean()) {
          out.add(b);
        }
      }
      return out;
    }

    /**
     * A cell's count: mostly 1 to 3; one in four from half to one and a quarter of the largest count some tier
     * packs into one number, while the total stays exact.
     */
    long count() {
      if (rnd.nextInt(4) > 0) {
        return 1 + rnd.nextInt(3);
      }
      long most = RedisCounterStore.mostPacked(res(rnd.nextInt(layout.tiers().size())));
      long n = most / 2 + rnd.nextLong(most / 2 + most / 4 + 1);
      return total + n <= EXACT_TOTAL ? n : 1;
    }
  }
}
