package dev.masthead.comments.spam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** The Caffeine cache behind the in-memory flood and duplicate stores: bounded in size, aged by the host's clock. */
final class ExpiringMemory {
  private ExpiringMemory() {}

  /**
   * A cache that forgets each entry {@code retention} after it was written, and keeps at most 100,000 entries.
   *
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  static Cache<String, Instant> create(Duration retention, InstantSource clock) {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(clock, "clock");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    return Caffeine.newBuilder()
        .expireAfterWrite(retention)
        .maximumSize(100_000)
        .executor(Runnable::run) // maintenance in the caller: no hand-off to another thread per write
        .ticker(() -> {
          Instant now = clock.instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        })
        .build();
  }
}
