package dev.masthead.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The key of one bucket: a tier's resolution and the bucket's index, so the bucket spans
 * {@code [index × resolution, (index + 1) × resolution)} since the epoch. A Redis store would name its sorted
 * sets after it (for example {@code rank:60000:29418241:VIEW}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param resolution the tier's bucket length, a positive whole number of milliseconds
 * @param index the bucket's number since the epoch
 */
public record Bucket(Duration resolution, long index) {
  /**
   * Validates the key.
   *
   * @throws NullPointerException if {@code resolution} is null
   * @throws IllegalArgumentException if {@code resolution} is not positive
   */
  public Bucket {
    Objects.requireNonNull(resolution, "resolution");
    if (resolution.toMillis() < 1) {
      throw new IllegalArgumentException("Bucket.resolution must be positive, was " + resolution);
    }
  }

  /**
   * Returns when the bucket starts.
   *
   * @return the first instant in the bucket
   */
  public Instant start() {
    return Instant.ofEpochMilli(index * resolution.toMillis());
  }
}
