package dev.masthead.redis;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.CounterStore.Cell;
import dev.masthead.ranking.CounterStore.Tally;
import dev.masthead.ranking.StoreLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle of the store's model-based tests, written from {@code CounterStore}'s documentation: it keeps every
 * cell added (with the time it was added at) and sums and sorts on demand, in {@code long}.
 */
final class CellModel {
  private record Added(Cell cell, long now) {}

  private final StoreLayout layout;
  private final long finest;
  private final int kinds;
  private final List<Added> added = new ArrayList<>();

  CellModel(StoreLayout layout) {
    this.layout = layout;
    this.finest = layout.tiers().get(0).resolution().toMillis();
    this.kinds = layout.kinds().size();
  }

  /** Records a cell added to the store at {@code now} (a tier's bucket older than its keep start then is not kept). */
  void add(Cell cell, long now) {
    added.add(new Added(cell, now));
  }

  /** The bucket of tier {@code tier} holding the cell. */
  long bucketOf(Cell c, int tier) {
    return Math.floorDiv(c.bucketIndex() * finest, layout.tiers().get(tier).resolution().toMillis());
  }

  /** The buckets of tier {@code tier} that cells were added to. */
  List<Long> bucketsWritten(int tier) {
    return added.stream().map(a -> bucketOf(a.cell(), tier)).distinct().toList();
  }

  private int tierFor(Duration window) {
    for (int t = 0; t < layout.tiers().size(); t++) {
      if (layout.tiers().get(t).horizon().compareTo(window) >= 0) {
        return t;
      }
    }
    throw new AssertionError("no tier holds " + window);
  }

  private boolean kept(Added a, int t, long b) {
    return b >= layout.keepStart(t, a.now());
  }

  /**
   * The documented rule: the cells counted in the window's tier from the bucket holding now - window on, ordered
   * by score, then latest event (later first), then id.
   */
  List<Tally> top(int w, long[] weights, int limit, long now) {
    Duration window = layout.trackedWindows().get(w);
    int t = tierFor(window);
    long from = Math.floorDiv(now - window.toMillis(), layout.tiers().get(t).resolution().toMillis());
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (Added a : added) {
      long b = bucketOf(a.cell(), t);
      if (b >= from && kept(a, t, b)) {
        counts.computeIfAbsent(a.cell().articleId(), x -> new long[kinds])[a.cell().kindIndex()] += a.cell().count();
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

  /** The union of buckets of tier {@code t}, each weighted, summed in the order given; sorted by id. */
  List<Tally> union(int t, List<Bucket> buckets, double[] weights) {
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, double[]> weighted = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    for (int i = 0; i < buckets.size(); i++) {
      Map<ArticleId, long[]> inBucket = new HashMap<>();
      for (Added a : added) {
        long b = bucketOf(a.cell(), t);
        if (b == buckets.get(i).index() && kept(a, t, b)) {
          inBucket.computeIfAbsent(a.cell().articleId(), x -> new long[kinds])[a.cell().kindIndex()] +=
              a.cell().count();
          last.merge(a.cell().articleId(), a.cell().lastEventEpochMillis(), Math::max);
        }
      }
      double w = weights[i];
      inBucket.forEach((id, c) -> {
        long[] sum = counts.computeIfAbsent(id, x -> new long[kinds]);
        double[] ws = weighted.computeIfAbsent(id, x -> new double[kinds]);
        for (int k = 0; k < kinds; k++) {
          sum[k] += c[k];
          ws[k] += w * c[k];
        }
      });
    }
    List<Tally> out = new ArrayList<>();
    counts.forEach((id, c) -> out.add(new Tally(id, c, weighted.get(id), last.get(id))));
    return sorted(out);
  }

  private static long score(long[] counts, long[] weights) {
    long s = 0;
    for (int k = 0; k < counts.length; k++) {
      s += counts[k] * weights[k];
    }
    return s;
  }

  /** The tallies sorted by article id, to compare unions. */
  static List<Tally> sorted(List<Tally> tallies) {
    List<Tally> s = new ArrayList<>(tallies);
    s.sort(Comparator.comparing(Tally::articleId));
    return s;
  }
}
