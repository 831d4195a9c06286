package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when each commenter (an IP address, an email address) last had a comment accepted, for the flood
 * check ({@link SpamChecks#flood(java.time.Duration, FloodStore, SpamChecks.StoreSettings)}). Keys are opaque
 * fingerprints (keyed HMAC-SHA256, see {@link SpamChecks.StoreSettings}): a store never sees an address in
 * clear.
 *
 * <p><b>Semantics.</b> {@link #recordUnlessFlooding} looks at every key of one comment at once and is atomic:
 * if none of them holds a time less than {@code interval} away from the new comment's (on either side, so that
 * a clock far off blocks nothing), it records the new time under every key; otherwise it records nothing. So
 * only accepted comments start the interval, as WordPress counts from the last stored comment: a reader who
 * retries every 10 seconds against a 15-second interval gets through on the second retry.
 *
 * <p><b>Networked implementations.</b> The shape fits one round trip (in Redis, one Lua script over both keys;
 * see {@code masthead-redis}). An implementation may fail (complete the stage exceptionally), may be slow, and
 * may reconnect; it must not block the calling thread (a blocking client should answer from its own executor).
 * A call is not idempotent (repeated after it was applied, it refuses its own comment), so an implementation
 * must not retry a call that may have reached the store; retrying one that surely did not (refused
 * connection) is fine. The check bounds every call by its store timeout and holds the comment with
 * {@code store.unavailable} when the stage fails or is late, so a store should fail fast rather than queue
 * commands while it is disconnected. Keys may be kept for {@code retention} and should be forgotten after it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface FloodStore {

  /**
   * Records a comment's time under each of its keys unless one of them was recorded less than {@code interval}
   * before or after {@code at}.
   *
   * @param keys the comment's fingerprints (its IP address, its email address), one to a few, distinct
   * @param at when the comment was submitted, by the server that received it
   * @param interval the flood interval: a recorded time less than this away from {@code at} refuses the comment
   * @param retention how long a recorded time must be remembered, at least {@code interval}
   * @return a stage with the recorded time that refused the comment (the one closest to {@code at}), or empty
   *     if the comment was accepted and recorded; it completes exceptionally if the store failed
   * @throws NullPointerException if an argument or a key is null
   * @throws IllegalArgumentException if {@code keys} is empty, {@code interval} is not positive or
   *     {@code retention} is shorter than it
   */
  CompletionStage<Optional<Instant>> recordUnlessFlooding(List<String> keys, Instant at, Duration interval,
      Duration retention);

  /**
   * Returns an in-memory store that remembers at most {@value ExpiringMemory#DEFAULT_MAX_ENTRIES} keys.
   *
   * @param clock the time source that ages entries (use the same as the validator's)
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @see #inMemory(InstantSource, int)
   */
  static FloodStore inMemory(InstantSource clock) {
    return inMemory(clock, ExpiringMemory.DEFAULT_MAX_ENTRIES);
  }

  /**
   * Returns an in-memory store for one server. Each key is forgotten {@code retention} after its last accepted
   * comment, by {@code clock}; when {@code maxKeys} are held, a new key pushes out the one written longest
   * ago (recency, not frequency: the newest commenters are always remembered). Its stages are already
   * complete when returned; it never fails. Behind a load balancer each server sees only its own share of a
   * flood; share a networked store instead.
   *
   * @param clock the time source that ages entries
   * @param maxKeys the most keys kept, at least 1 (two per commenter with an IP and an email)
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @throws IllegalArgumentException if {@code maxKeys} is not positive
   */
  static FloodStore inMemory(InstantSource clock, int maxKeys) {
    ExpiringMemory<Instant> memory = new ExpiringMemory<>(maxKeys, clock);
    return new FloodStore() {
      @Override
      public CompletionStage<Optional<Instant>> recordUnlessFlooding(List<String> keys, Instant at,
          Duration interval, Duration retention) {
        checkArguments(keys, at, interval, retention);
        synchronized (memory) {
          Instant refusing = null;
          for (String key : keys) {
            refusing = closer(at, refusing, within(at, memory.get(key), interval));
          }
          if (refusing == null) {
            for (String key : keys) {
              memory.put(key, at, retention);
            }
          }
          return CompletableFuture.completedFuture(Optional.ofNullable(refusing));
        }
      }

      @Override
      public String toString() {
        return "FloodStore.inMemory[maxKeys=" + maxKeys + "]";
      }
    };
  }

  /**
   * Checks the arguments of {@link #recordUnlessFlooding} as every implementation should.
   *
   * @param keys the keys
   * @param at the comment's time
   * @param interval the flood interval
   * @param retention the retention
   * @throws NullPointerException if an argument or a key is null
   * @throws IllegalArgumentException if {@code keys} is empty, {@code interval} is not positive or
   *     {@code retention} is shorter than it
   */
  static void checkArguments(List<String> keys, Instant at, Duration interval, Duration retention) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(retention, "retention");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    keys.forEach(k -> Objects.requireNonNull(k, "key"));
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    if (retention.compareTo(interval) < 0) {
      throw new IllegalArgumentException("retention " + retention + " is shorter than the interval " + interval);
    }
  }

  private static @Nullable Instant within(Instant at, @Nullable Instant previous, Duration interval) {
    return previous != null && Duration.between(previous, at).abs().compareTo(interval) < 0 ? previous : null;
  }

  private static @Nullable Instant closer(Instant at, @Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Duration.between(a, at).abs().compareTo(Duration.between(b, at).abs()) <= 0 ? a : b;
  }
}
