package dev.masthead.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * One tier of buckets: every counted event lands in the bucket of this resolution that holds its time, and
 * the tier keeps its buckets for the horizon.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resolution the length of each bucket, a whole number of milliseconds; buckets start at multiples of
 *     it since the epoch (UTC)
 * @param horizon how far back from the engine's time the tier answers queries
 */
public record BucketTier(Duration resolution, Duration horizon) {
  /**
   * Validates the tier.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code resolution} is not a positive whole number of milliseconds
   *     or {@code horizon} is shorter than {@code resolution}
   */
  public BucketTier {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(horizon, "horizon");
    if (resolution.toMillis() < 1 || resolution.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "BucketTier.resolution must be a positive whole number of milliseconds, was " + resolution);
    }
    if (horizon.compareTo(resolution) < 0) {
      throw new IllegalArgumentException("BucketTier.horizon (" + horizon + ") must not be shorter than "
          + "its resolution (" + resolution + ")");
    }
  }
}
