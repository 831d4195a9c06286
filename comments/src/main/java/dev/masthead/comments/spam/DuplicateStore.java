package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Remembers comment fingerprints for the duplicate check
 * ({@link SpamChecks#duplicate(java.time.Duration, DuplicateStore, SpamChecks.StoreSettings)}). A fingerprint is a
 * keyed HMAC-SHA256 digest of the article, parent, author and normalized text (see
 * {@link SpamChecks.StoreSettings}): a store never holds a
 * comment's text or its author's address.
 *
 * <p><b>Semantics.</b> {@link #seenBefore} is atomic: of two concurrent calls with one fingerprint, exactly one
 * answers {@code false}.
 *
 * <p><b>Networked implementations.</b> The shape fits one round trip (in Redis, {@code SET fingerprint at NX PX
 * retention}; see {@code masthead-redis}). An implementation may fail (complete the stage exceptionally), may be
 * slow, and may reconnect; it must not block the calling thread (a blocking client should answer from its own
 * executor). A call is not idempotent (repeated after it was applied, it reports its own comment as a
 * duplicate), so an implementation must not retry a call that may have reached the store. The check bounds
 * every call by its store timeout and holds the comment with {@code store.unavailable} when the stage fails or
 * is late. A fingerprint may be kept for {@code retention} and should be forgotten after it; a store that must
 * evict earlier should evict the oldest first, never the newest.
 *
 * <p>Implementations must be thread-safe.
 */
public interface DuplicateStore {

  /**
   * Remembers a fingerprint for {@code retention}, unless it is remembered already, and says which.
   *
   * @param fingerprint an opaque digest of a comment
   * @param at when the comment was submitted
   * @param retention how long the fingerprint must be remembered, positive
   * @return a stage with {@code true} if the store already held the fingerprint (the comment is a duplicate), or
   *     {@code false} if it recorded it now; it completes exceptionally if the store failed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  CompletionStage<Boolean> seenBefore(String fingerprint, Instant at, Duration retention);

  /**
   * Returns an in-memory store that remembers at most {@value ExpiringMemory#DEFAULT_MAX_ENTRIES} fingerprints.
   *
   * @param clock the time source that ages entries
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @see #inMemory(InstantSource, int)
   */
  static DuplicateStore inMemory(InstantSource clock) {
    return inMemory(clock, ExpiringMemory.DEFAULT_MAX_ENTRIES);
  }

  /**
   * Returns an in-memory store for one server. Each fingerprint is forgotten {@code retention} after it was
   * recorded, by {@code clock}; when {@code maxFingerprints} are held, a new one pushes out the one recorded
   * longest ago (recency, not frequency: the newest comments are always remembered). Its stages are already
   * complete when returned; it never fails. Behind a load balancer each server sees only its own comments;
   * share a networked store instead.
   *
   * @param clock the time source that ages entries
   * @param maxFingerprints the most fingerprints kept, at least 1
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @throws IllegalArgumentException if {@code maxFingerprints} is not positive
   */
  static DuplicateStore inMemory(InstantSource clock, int maxFingerprints) {
    ExpiringMemory<Instant> memory = new ExpiringMemory<>(maxFingerprints, clock);
    return new DuplicateStore() {
      @Override
      public CompletionStage<Boolean> seenBefore(String fingerprint, Instant at, Duration retention) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
        ExpiringMemory.checkRetention(retention);
        return CompletableFuture.completedFuture(!memory.putIfAbsent(fingerprint, at, retention));
      }

      @Override
      public String toString() {
        return "DuplicateStore.inMemory[maxFingerprints=" + maxFingerprints + "]";
      }
    };
  }
}
