package dev.masthead.comments.spam;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Remembers comment fingerprints for {@link SpamChecks#duplicate(DuplicateStore) the duplicate check}. A fingerprint is a SHA-256 digest: a store never
 * holds a comment's text or its author's address.
 *
 * <p>The shape fits Redis: {@link #seenBefore} is one {@code SET fingerprint at NX PX retention}. The default,
 * {@link #inMemory(Duration, InstantSource)}, is a Caffeine cache bounded in size and time.
 *
 * <p>Implementations must be thread-safe and {@link #seenBefore} atomic.
 */
public interface DuplicateStore {

  /**
   * Remembers a fingerprint and says whether it was already remembered.
   *
   * @param fingerprint an opaque digest of a comment
   * @param at when the comment was submitted
   * @return {@code true} if the store already held the fingerprint (the comment is a duplicate)
   */
  boolean seenBefore(String fingerprint, Instant at);

  /**
   * Returns an in-memory store that remembers each fingerprint for {@code retention}, and at most 100,000
   * of them (the oldest are forgotten first).
   *
   * @param retention how long a comment counts for duplicates
   * @param clock the time source that ages entries
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  static DuplicateStore inMemory(Duration retention, InstantSource clock) {
    Cache<String, Instant> cache = ExpiringMemory.create(retention, clock);
    return (fingerprint, at) -> cache.asMap().putIfAbsent(fingerprint, at) != null;
  }
}
