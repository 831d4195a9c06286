package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of the three store-backed checks (flood, duplicate, approved author) share: the store and
 * the site secret its keys are fingerprinted with, how long a check waits for it, the opt-in fallback to this
 * server's memory, and the clock that ages the in-memory memories. Not thread-safe.
 *
 * @param <S> the store SPI of the check
 * @param <B> the concrete builder, returned by every setter
 */
abstract class StoreCheckBuilder<S, B extends StoreCheckBuilder<S, B>> {
  @Nullable S store;
  @Nullable Fingerprints fingerprints;
  Duration storeTimeout = StoreGuard.DEFAULT_TIMEOUT;
  boolean fallback;
  InstantSource clock = InstantSource.system();

  /** Returns this builder as its concrete type. */
  abstract B self();

  /**
   * Sets the store, for example a Redis store shared by every server, and the site secret its keys are
   * fingerprinted with (HMAC-SHA256, first 128 bits). Every server sharing the store must use the same secret;
   * keep it out of the store, as the form-token secret. Default: an in-memory store of this server under a
   * random secret.
   *
   * @param store the store
   * @param siteSecret at least 16 random bytes (copied)
   * @return this builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code siteSecret} is shorter than 16 bytes
   */
  public B store(S store, byte[] siteSecret) {
    Objects.requireNonNull(store, "store");
    this.fingerprints = Fingerprints.keyedBy(siteSecret);
    this.store = store;
    return self();
  }

  /**
   * Sets how long the check waits for the store (default 250 ms). A later answer holds the comment.
   *
   * @param storeTimeout from 1 ms to 10 s; keep it below the filter's check timeout
   * @return this builder
   * @throws NullPointerException if {@code storeTimeout} is null
   * @throws IllegalArgumentException if out of range
   */
  public B storeTimeout(Duration storeTimeout) {
    this.storeTimeout = StoreGuard.checkTimeout(storeTimeout);
    return self();
  }

  /**
   * Decides on this server's memory when the store fails or is late, instead of holding the comment (off by
   * default). Weaker: behind a load balancer each server then sees only its own share of what the check looks
   * for, and its memory holds only what it saw itself since it started. The verdict carries
   * {@code store.fallback} (no score). The server memory is written on every comment, so it is warm when an
   * outage starts.
   *
   * @return this builder
   */
  public B fallbackToServerMemory() {
    this.fallback = true;
    return self();
  }

  /**
   * Sets the clock that ages the in-memory store and the fallback (default: the system clock).
   *
   * @param clock the time source
   * @return this builder
   * @throws NullPointerException if {@code clock} is null
   */
  public B clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Makes the check with the store that was set, or with server memory under a random secret.
   *
   * @throws IllegalStateException if the fallback is set without a store (the default store is server memory)
   */
  final <C> C make(Function<InstantSource, S> inMemory, BiFunction<S, Fingerprints, C> check) {
    S s = store;
    if (s == null) {
      if (fallback) {
        throw new IllegalStateException("fallbackToServerMemory needs a store(...): the default is server memory");
      }
      return check.apply(inMemory.apply(clock), Fingerprints.random());
    }
    return check.apply(s, Objects.requireNonNull(fingerprints));
  }
}
