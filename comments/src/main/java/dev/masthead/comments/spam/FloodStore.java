package dev.masthead.comments.spam;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Remembers when each commenter (an IP address or an email address, as an opaque key) last commented, for
 * {@link SpamChecks#flood(java.time.Duration, FloodStore) the flood check}. Keys are SHA-256 fingerprints: a store never holds an address in clear.
 *
 * <p>The shape fits Redis: {@link #recordAndGetPrevious} is one {@code SET key at GET PX retention}. The
 * default, {@link #inMemory(Duration, InstantSource)}, is a Caffeine cache bounded in size and time.
 *
 * <p>Implementations must be thread-safe and {@link #recordAndGetPrevious} atomic.
 */
public interface FloodStore {

  /**
   * Records that a comment came from {@code key} at {@code at}, and returns the time recorded before, if the
   * store still remembers it.
   *
   * @param key an opaque fingerprint of an IP or email address
   * @param at when the new comment was submitted
   * @return the time of the previous comment from the same key, or empty
   */
  Optional<Instant> recordAndGetPrevious(String key, Instant at);

  /**
   * Returns an in-memory store that remembers each key for {@code retention} after its last comment, and at
   * most 100,000 keys (the least recently used are forgotten first).
   *
   * @param retention how long to remember a commenter, at least the flood interval
   * @param clock the time source that ages entries
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  static FloodStore inMemory(Duration retention, InstantSource clock) {
    Cache<String, Instant> cache = ExpiringMemory.create(retention, clock);
    return (key, at) -> Optional.ofNullable(cache.asMap().put(key, at));
  }
}
