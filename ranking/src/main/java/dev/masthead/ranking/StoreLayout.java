package dev.masthead.ranking;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CounterStore} must hold, as the engine's builder derived it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tiers the bucket tiers, finest first; each resolution divides the next, horizons grow
 * @param kinds the counted kinds; a kind's position is its {@code kindIndex} in the store's methods
 * @param trackedWindows rolling window lengths for which the store may keep running totals
 * @param futureSkew how far ahead of the engine's time an event may be
 */
public record StoreLayout(
    List<BucketTier> tiers, List<EngagementKind> kinds, List<Duration> trackedWindows, Duration futureSkew) {
  /**
   * Validates and copies the layout.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if {@code tiers} or {@code kinds} is empty, or tiers are not ordered
   *     with each resolution dividing the next
   */
  public StoreLayout {
    tiers = List.copyOf(tiers);
    kinds = List.copyOf(kinds);
    trackedWindows = List.copyOf(trackedWindows);
    Objects.requireNonNull(futureSkew, "futureSkew");
    if (tiers.isEmpty() || kinds.isEmpty()) {
      throw new IllegalArgumentException("StoreLayout needs at least one tier and one kind");
    }
    for (int i = 1; i < tiers.size(); i++) {
      long fine = tiers.get(i - 1).resolution().toMillis();
      long coarse = tiers.get(i).resolution().toMillis();
      if (coarse <= fine || coarse % fine != 0 || tiers.get(i).horizon().compareTo(tiers.get(i - 1).horizon()) < 0) {
        throw new IllegalArgumentException("StoreLayout tiers must be finest first, each resolution dividing "
            + "the next and horizons growing: " + tiers);
      }
    }
  }

  /**
   * Returns the index of the first bucket a tier still answers for at a time: the tier's horizon before
   * {@code nowEpochMillis}, rounded down to the next coarser tier's resolution (so that coarser buckets
   * always fit between a finer tier's edge and a query's end).
   *
   * @param tier the tier's position in {@link #tiers()}
   * @param nowEpochMillis the engine's time
   * @return the bucket index, in that tier's resolution
   * @throws IndexOutOfBoundsException if {@code tier} is out of range
   */
  public long keepStart(int tier, long nowEpochMillis) {
    long res = tiers.get(tier).resolution().toMillis();
    long coarse = tier + 1 < tiers.size() ? tiers.get(tier + 1).resolution().toMillis() : res;
    long edge = nowEpochMillis - tiers.get(tier).horizon().toMillis();
    return Math.floorDiv(edge, coarse) * coarse / res;
  }
}
