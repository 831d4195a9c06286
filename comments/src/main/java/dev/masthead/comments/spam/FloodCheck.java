package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses a second comment from the same IP address or the same email address within the flood interval
 * (default 15 seconds, as WordPress's {@code wp_check_comment_flood}). A refused comment gets the signal
 * {@value #CODE} and the verdict's {@link Refusal#FLOOD}: the host tells the commenter to slow down (an HTTP
 * host answers 429).
 *
 * <p>Every comment that reaches the check is remembered, at its {@code submittedAt}. Clock skew cannot block
 * anyone for long: a previous comment counts only if it lies less than the interval away from the new one
 * on either side, so a comment stamped an hour in the future blocks nothing, and the new comment's time
 * replaces it.
 *
 * <p>Immutable and thread-safe if its store is.
 */
final class FloodCheck implements SpamCheck {
  /** The code of the flood signal. */
  public static final String CODE = "flood";
  /** The default interval: 15 seconds, as WordPress's {@code comment_flood_filter}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  private final Duration interval;
  private final FloodStore store;

  private FloodCheck(Duration interval, FloodStore store) {
    this.interval = interval;
    this.store = store;
  }

  /**
   * Returns a check with the default interval and an in-memory store aged by {@code clock}.
   *
   * @param clock the time source of the store (use the same as the validator's)
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static FloodCheck create(InstantSource clock) {
    return of(DEFAULT_INTERVAL, FloodStore.inMemory(DEFAULT_INTERVAL, clock));
  }

  /**
   * Returns a check with the given interval and store (for example a Redis store shared by several hosts).
   *
   * @param interval the shortest time allowed between two comments of one commenter, from 1 second to 1 day
   * @param store where last-comment times are kept; it must remember them at least {@code interval}
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code interval} is out of range
   */
  public static FloodCheck of(Duration interval, FloodStore store) {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(store, "store");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("interval must be in [1 s, 1 day], was " + interval);
    }
    return new FloodCheck(interval, store);
  }

  @Override
  public String name() {
    return "flood";
  }

  @Override
  public Cost cost() {
    return Cost.TRIVIAL;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    Instant at = comment.submittedAt();
    boolean flood = false;
    String ip = comment.client().ipAddress();
    if (ip != null && !ip.isBlank()) {
      flood |= tooSoon(store.recordAndGetPrevious(Fingerprints.of("flood-ip", ip.strip().toLowerCase(Locale.ROOT)), at), at);
    }
    String email = comment.authorEmail();
    if (!email.isBlank()) {
      flood |= tooSoon(store.recordAndGetPrevious(Fingerprints.of("flood-email", email.toLowerCase(Locale.ROOT)), at), at);
    }
    if (!flood) {
      return List.of();
    }
    return List.of(Signal.refusal(name(), CODE, Refusal.FLOOD,
        "A comment from the same IP or email address arrived less than " + interval.toSeconds() + " seconds before"));
  }

  private boolean tooSoon(Optional<Instant> previous, Instant at) {
    if (previous.isEmpty()) {
      return false;
    }
    Duration gap = Duration.between(previous.get(), at).abs();
    return gap.compareTo(interval) < 0;
  }

  @Override
  public String toString() {
    return "FloodCheck[interval=" + interval + "]";
  }
}
