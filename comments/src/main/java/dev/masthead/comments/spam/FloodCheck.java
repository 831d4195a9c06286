package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a second comment from the same IP address or the same email address within the flood interval
 * (default 15 seconds, as WordPress's {@code comment_flood_filter}). A refused comment gets the signal
 * {@value #CODE} and the verdict's {@link Refusal#FLOOD}: the host tells the commenter to slow down (an HTTP
 * host answers 429).
 *
 * <p>Only accepted comments start the interval, as WordPress counts from the last stored comment: a refused
 * attempt is not recorded, so a reader who retries every 10 seconds gets through on the second retry. A
 * comment's time is its {@code submittedAt}. Clock skew cannot block anyone for long: a previous comment counts
 * only if it lies less than the interval away from the new one on either side, so a comment stamped an hour in
 * the future blocks nothing. The IP and email fingerprints of a comment go to the store in one call (one round
 * trip for a networked store).
 *
 * <p><b>Store.</b> By default an in-memory {@link FloodStore} of this server, with fingerprints under a random
 * secret of this process. Several servers share a networked store ({@link Builder#store}) with one site secret.
 * The check is a {@link SpamCheck.Cost#STORE} check: the filter runs it after the local checks, so a comment
 * settled before it (a filled honeypot, a disallowed term) is not recorded and starts no interval. A store call
 * that fails or takes longer than the store timeout (default 250 ms) gives {@value #STORE_UNAVAILABLE} with a
 * HOLD floor, never a refusal and never an approval, unless {@link Builder#fallbackToServerMemory()} is set.
 *
 * <p>Immutable and thread-safe if its store is.
 */
final class FloodCheck implements SpamCheck {
  /** The code of the flood signal. */
  public static final String CODE = "flood";
  /** The code of the signal given when the store fails or is late: {@value}. */
  public static final String STORE_UNAVAILABLE = StoreGuard.UNAVAILABLE;
  /** The default interval: 15 seconds, as WordPress's {@code comment_flood_filter}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  private final Duration interval;
  private final FloodStore store;
  private final Fingerprints fingerprints;
  private final StoreGuard guard;
  private final @Nullable FloodStore fallback;

  private FloodCheck(Builder b, FloodStore store, Fingerprints fingerprints) {
    this.interval = b.interval;
    this.store = store;
    this.fingerprints = fingerprints;
    this.fallback = b.fallback ? FloodStore.inMemory(b.clock) : null;
    this.guard = new StoreGuard(CODE, b.storeTimeout, b.fallback);
  }

  /**
   * Returns a check with the default interval and an in-memory store aged by {@code clock}.
   *
   * @param clock the time source of the store (use the same as the validator's)
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static FloodCheck create(InstantSource clock) {
    return builder().clock(clock).build();
  }

  /**
   * Returns a builder with the defaults: a 15-second interval, this server's memory, a 250 ms store timeout,
   * no fallback, the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "flood";
  }

  @Override
  public Cost cost() {
    return Cost.STORE;
  }

  /** A failure or a late answer of the filter's own timeout has the store's code too. */
  @Override
  public String failureCode() {
    return STORE_UNAVAILABLE;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    return checkAsync(comment, context).join();
  }

  @Override
  public CompletableFuture<List<Signal>> checkAsync(Comment comment, SpamContext context) {
    List<String> keys = keys(comment);
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Instant at = comment.submittedAt();
    return guard.call(() -> store.recordUnlessFlooding(keys, at, interval, interval)).handle((refusing, error) -> {
      if (error == null) {
        if (fallback != null && refusing.isEmpty()) {
          fallback.recordUnlessFlooding(keys, at, interval, interval); // keeps server memory warm
        }
        return signals(refusing);
      }
      if (fallback == null) {
        return List.of(guard.unavailable(error));
      }
      List<Signal> found = new ArrayList<>(2);
      found.add(guard.fallback());
      found.addAll(signals(fallback.recordUnlessFlooding(keys, at, interval, interval).toCompletableFuture().join()));
      return List.copyOf(found);
    });
  }

  private List<String> keys(Comment comment) {
    List<String> keys = new ArrayList<>(2);
    String ip = comment.client().ipAddress();
    if (ip != null && !ip.isBlank()) {
      keys.add(fingerprints.of("flood-ip", ip.strip().toLowerCase(Locale.ROOT)));
    }
    String email = comment.authorEmail();
    if (!email.isBlank()) {
      keys.add(fingerprints.of("flood-email", email.toLowerCase(Locale.ROOT)));
    }
    return keys;
  }

  private List<Signal> signals(Optional<Instant> refusing) {
    if (refusing.isEmpty()) {
      return List.of();
    }
    return List.of(Signal.refusal(name(), CODE, Refusal.FLOOD,
        "A comment from the same IP or email address arrived less than " + interval.toSeconds() + " seconds before"));
  }

  @Override
  public String toString() {
    return "FloodCheck[interval=" + interval + ", store=" + store + ", storeTimeout=" + guard.timeout()
        + (fallback != null ? ", fallbackToServerMemory" : "") + "]";
  }

  /** Builds a {@link FloodCheck}. Not thread-safe. */
  public static final class Builder extends StoreCheckBuilder<FloodStore, Builder> {
    private Duration interval = DEFAULT_INTERVAL;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the flood interval (default 15 seconds, as WordPress). It is also how long the store keeps a key.
     *
     * @param interval the shortest time allowed between two accepted comments of one commenter, from 1 second
     *     to 1 day
     * @return this builder
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if out of range
     */
    public Builder interval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("interval must be in [1 s, 1 day], was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * Builds the check.
     *
     * @return an immutable, thread-safe check
     * @throws IllegalStateException if the fallback is set without a store (the default store is server memory)
     */
    public FloodCheck build() {
      return make(FloodStore::inMemory, (store, fingerprints) -> new FloodCheck(this, store, fingerprints));
    }
  }
}
