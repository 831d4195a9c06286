package dev.masthead.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How a window is read at a given time: the span actually covered and the buckets that tile it (the
 * coarsest that fit, or the finest held). Immutable.
 *
 * <p>Edges: the start is rounded down to the resolution of the finest tier whose horizon reaches back to it,
 * the end up to the resolution of the finest tier whose horizon reaches back to it; both are then inside
 * the retention. Tiling walks from the start, taking at each step the coarsest bucket that starts there, ends
 * by the covered end and is still held by its tier ({@link StoreLayout#keepStart}); the keep-start alignment
 * guarantees such a bucket always exists.
 */
final class WindowPlan {
  final long fromMillis;
  final long toMillis;
  final List<Bucket> buckets;
  /** The tier of the window's start: the resolution of a tracked rolling window. */
  final int startTier;

  private WindowPlan(long fromMillis, long toMillis, List<Bucket> buckets, int startTier) {
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
    this.buckets = buckets;
    this.startTier = startTier;
  }

  boolean isEmpty() {
    return toMillis <= fromMillis;
  }

  /** Returns the raw {@code [from, to)} of a window at {@code now}, in epoch milliseconds. */
  static long[] rawSpan(RankingQuery.Window window, long now, long skewMillis) {
    long maxTo = now + skewMillis + 1;
    if (window instanceof RankingQuery.Rolling r) {
      return new long[] {now - r.length().toMillis(), maxTo};
    }
    if (window instanceof RankingQuery.AllTime) {
      return new long[] {Long.MIN_VALUE / 4, maxTo};
    }
    if (window instanceof RankingQuery.FixedWindow c) {
      return new long[] {clampMillis(c.from()), clampMillis(c.to())};
    }
    RankingQuery.CalendarWindow cal = (RankingQuery.CalendarWindow) window;
    LocalDate today = Instant.ofEpochMilli(now).atZone(cal.zone()).toLocalDate();
    LocalDate first;
    LocalDate next;
    switch (cal.period()) {
      case DAY -> {
        first = today;
        next = today.plusDays(1);
      }
      case WEEK -> {
        first = today.with(TemporalAdjusters.previousOrSame(cal.firstDayOfWeek()));
        next = first.plusWeeks(1);
      }
      default -> {
        first = today.withDayOfMonth(1);
        next = first.plusMonths(1);
      }
    }
    ZonedDateTime start = first.atStartOfDay(cal.zone());
    ZonedDateTime end = next.atStartOfDay(cal.zone());
    return new long[] {start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli()};
  }

  private static long clampMillis(Instant i) {
    long limit = Long.MAX_VALUE / 4 / 1000;
    if (i.getEpochSecond() > limit) {
      return Long.MAX_VALUE / 4;
    }
    if (i.getEpochSecond() < -limit) {
      return Long.MIN_VALUE / 4;
    }
    return i.toEpochMilli();
  }

  /** Returns the finest tier whose horizon reaches back {@code age} milliseconds (the coarsest if none). */
  static int tierForAge(StoreLayout layout, long age) {
    List<BucketTier> tiers = layout.tiers();
    for (int t = 0; t < tiers.size(); t++) {
      if (tiers.get(t).horizon().toMillis() >= age) {
        return t;
      }
    }
    return tiers.size() - 1;
  }

  /**
   * Plans a window, tiling it with the coarsest buckets that fit or, if {@code finest}, with the finest
   * buckets still held (for decayed scores, which decay each bucket from its start). The end is first cut to the latest time an event can have (now plus the skew allowance),
   * the start to the retention.
   */
  static WindowPlan plan(StoreLayout layout, long rawFrom, long rawTo, long now, boolean finest) {
    List<BucketTier> tiers = layout.tiers();
    int coarsest = tiers.size() - 1;
    long retentionStart = layout.keepStart(coarsest, now) * tiers.get(coarsest).resolution().toMillis();
    long from = Math.max(rawFrom, retentionStart);
    rawTo = Math.min(rawTo, now + layout.futureSkew().toMillis() + 1); // nothing later can have been counted
    int ft = tierForAge(layout, now - from);
    long fr = tiers.get(ft).resolution().toMillis();
    long f = Math.floorDiv(from, fr) * fr;
    if (rawTo <= from) {
      return new WindowPlan(f, f, List.of(), ft);
    }
    int tt = tierForAge(layout, now - rawTo);
    long tr = tiers.get(tt).resolution().toMillis();
    long t = -Math.floorDiv(-rawTo, tr) * tr;
    List<Bucket> buckets = new ArrayList<>();
    long pos = f;
    while (pos < t) {
      int chosen = -1;
      for (int j = 0; j <= coarsest; j++) {
        int i = finest ? j : coarsest - j;
        long r = tiers.get(i).resolution().toMillis();
        if (Math.floorMod(pos, r) == 0 && pos + r <= t && pos / r >= layout.keepStart(i, now)) {
          chosen = i;
          break;
        }
      }
      if (chosen < 0) {
        throw new IllegalStateException("no bucket tiles " + Instant.ofEpochMilli(pos) + " of ["
            + Instant.ofEpochMilli(f) + ", " + Instant.ofEpochMilli(t) + "); layout " + tiers);
      }
      long r = tiers.get(chosen).resolution().toMillis();
      buckets.add(new Bucket(tiers.get(chosen).resolution(), pos / r));
      pos += r;
    }
    return new WindowPlan(f, t, List.copyOf(buckets), ft);
  }
}
