package dev.masthead.ranking;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counters of a {@link RankingEngine}, as of a call to {@link RankingEngine#stats()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accepted events counted since the engine was built (or restored from a snapshot)
 * @param rejected events rejected, by reason; every reason present, zero when none
 * @param liveCells cells held over all bucket tiers: one per (article, bucket, kind) with a count, so an
 *     article only viewed in a bucket holds one cell there
 * @param estimatedBytes an estimate of the heap held by the counters: arrays sized by capacity plus object
 *     headers, excluding the {@code ArticleId} objects themselves
 * @param articles distinct article ids the engine holds
 */
public record RankingStats(
    long accepted, Map<Rejection, Long> rejected, long liveCells, long estimatedBytes, long articles) {

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException if {@code rejected} is null
   */
  public RankingStats {
    EnumMap<Rejection, Long> copy = new EnumMap<>(Rejection.class);
    for (Rejection r : Rejection.values()) {
      copy.put(r, 0L);
    }
    copy.putAll(Objects.requireNonNull(rejected, "rejected"));
    rejected = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the number of rejected events over all reasons.
   *
   * @return the sum of {@link #rejected()}
   */
  public long rejectedTotal() {
    long sum = 0;
    for (long v : rejected.values()) {
      sum += v;
    }
    return sum;
  }
}
