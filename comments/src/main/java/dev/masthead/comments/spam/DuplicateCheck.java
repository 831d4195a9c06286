package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a comment that repeats one already made: same article, same parent (or both top-level), same author
 * (name and email, case-insensitive) and the same content once normalized (folded as for term lists, white
 * space collapsed), within the retention window (default 24 hours). The same text under another parent, on
 * another article or by another author is fine. A refused comment gets the signal {@value #CODE} and the
 * verdict's {@link Refusal#DUPLICATE} (an HTTP host answers 409).
 *
 * <p>WordPress compares against every stored comment; Masthead remembers fingerprints for a window instead, so
 * memory stays bounded without a database. A fingerprint is the first 128 bits of HMAC-SHA256 under the site
 * secret: the store holds neither the text nor the address.
 *
 * <p><b>Store.</b> By default an in-memory {@link DuplicateStore} of this server (at most 100,000
 * fingerprints, the oldest forgotten first), under a random secret of this process. Several servers share a
 * networked store ({@link Builder#store}) with one site secret. The check is a {@link SpamCheck.Cost#STORE}
 * check. A store call that fails or takes longer than the store timeout (default 250 ms) gives
 * {@value #STORE_UNAVAILABLE} with a HOLD floor, never a refusal and never an approval, unless
 * {@link Builder#fallbackToServerMemory()} is set.
 *
 * <p>Immutable and thread-safe if its store is.
 */
final class DuplicateCheck implements SpamCheck {
  /** The code of the duplicate signal. */
  public static final String CODE = "duplicate";
  /** The code of the signal given when the store fails or is late: {@value}. */
  public static final String STORE_UNAVAILABLE = StoreGuard.UNAVAILABLE;
  /** The default retention window: 24 hours. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final Duration retention;
  private final DuplicateStore store;
  private final Fingerprints fingerprints;
  private final StoreGuard guard;
  private final @Nullable DuplicateStore fallback;

  private DuplicateCheck(Builder b, DuplicateStore store, Fingerprints fingerprints) {
    this.retention = b.retention;
    this.store = store;
    this.fingerprints = fingerprints;
    this.fallback = b.fallback ? DuplicateStore.inMemory(b.clock) : null;
    this.guard = new StoreGuard(CODE, b.storeTimeout, b.fallback);
  }

  /**
   * Returns a check with an in-memory store that remembers comments for {@link #DEFAULT_RETENTION}.
   *
   * @param clock the time source of the store
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static DuplicateCheck create(InstantSource clock) {
    return builder().clock(clock).build();
  }

  /**
   * Returns a builder with the defaults: a 24-hour retention, this server's memory, a 250 ms store timeout,
   * no fallback, the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "duplicate";
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
    String content = TextFolding.collapseSpaces(TextFolding.fold(comment.contentText()));
    String fingerprint = fingerprints.of("duplicate", comment.articleId().value(),
        comment.parentId() == null ? "" : comment.parentId(),
        comment.authorName().toLowerCase(Locale.ROOT), comment.authorEmail().toLowerCase(Locale.ROOT), content);
    return guard.call(() -> store.seenBefore(fingerprint, comment.submittedAt(), retention)).handle((seen, error) -> {
      if (error == null) {
        if (fallback != null) {
          fallback.seenBefore(fingerprint, comment.submittedAt(), retention); // keeps server memory warm
        }
        return signals(seen);
      }
      if (fallback == null) {
        return List.of(guard.unavailable(error));
      }
      boolean local = fallback.seenBefore(fingerprint, comment.submittedAt(), retention).toCompletableFuture().join();
      return local ? List.of(guard.fallback(), duplicate()) : List.of(guard.fallback());
    });
  }

  private List<Signal> signals(boolean seen) {
    return seen ? List.of(duplicate()) : List.of();
  }

  private Signal duplicate() {
    return Signal.refusal(name(), CODE, Refusal.DUPLICATE, "The same author already posted this comment under the same parent");
  }

  @Override
  public String toString() {
    return "DuplicateCheck[retention=" + retention + ", store=" + store + ", storeTimeout=" + guard.timeout()
        + (fallback != null ? ", fallbackToServerMemory" : "") + "]";
  }

  /** Builds a {@link DuplicateCheck}. Not thread-safe. */
  public static final class Builder extends StoreCheckBuilder<DuplicateStore, Builder> {
    private Duration retention = DEFAULT_RETENTION;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets how long a comment counts for duplicates (default 24 hours); the store keeps each fingerprint that
     * long.
     *
     * @param retention from 1 minute to 30 days
     * @return this builder
     * @throws NullPointerException if {@code retention} is null
     * @throws IllegalArgumentException if out of range
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.compareTo(Duration.ofMinutes(1)) < 0 || retention.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("retention must be in [1 min, 30 days], was " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Builds the check.
     *
     * @return an immutable, thread-safe check
     * @throws IllegalStateException if the fallback is set without a store (the default store is server memory)
     */
    public DuplicateCheck build() {
      return make(DuplicateStore::inMemory, (store, fingerprints) -> new DuplicateCheck(this, store, fingerprints));
    }
  }
}
