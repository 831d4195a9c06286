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
 * Trusts authors who have been approved before, as WordPress's "Comment author must have a previously
 * approved comment" ({@code comment_previously_approved}), turned into a score: a comment whose name and email
 * match an approved author gets {@code author.previously_approved} with a score of -1.5 (default), enough to
 * outweigh a borderline classifier score but not a floor set by another check (too many links, a disallowed
 * term). A moderator's ham feedback approves the author for the retention (default 365 days, renewed by each
 * approval).
 *
 * <p><b>Store.</b> By default an in-memory {@link ApprovedAuthors} of this server, keyed by HMAC-SHA256 under a
 * random secret of this process. Several servers share a networked store ({@link Builder#store}) with one site
 * secret. The check is a {@link SpamCheck.Cost#STORE} check. A store call that fails or takes longer than the
 * store timeout (default 250 ms) gives {@value #STORE_UNAVAILABLE} with a HOLD floor, unless
 * {@link Builder#fallbackToServerMemory()} is set; a failed approval is lost (the store's outage is logged once).
 *
 * <p>Immutable and thread-safe if its store is.
 */
final class ApprovedAuthorCheck implements SpamCheck {
  /** The default score of an approved author: -1.5. */
  public static final double DEFAULT_SCORE = -1.5;
  /** The default time an approval is trusted: 365 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
  /** The code of the signal given when the store fails or is late: {@value}. */
  public static final String STORE_UNAVAILABLE = StoreGuard.UNAVAILABLE;

  private final ApprovedAuthors authors;
  private final Fingerprints fingerprints;
  private final double score;
  private final Duration retention;
  private final StoreGuard guard;
  private final @Nullable ApprovedAuthors fallback;

  private ApprovedAuthorCheck(Builder b, ApprovedAuthors authors, Fingerprints fingerprints) {
    this.authors = authors;
    this.fingerprints = fingerprints;
    this.score = b.score;
    this.retention = b.retention;
    this.fallback = b.fallback ? ApprovedAuthors.inMemory(b.clock) : null;
    this.guard = new StoreGuard("author", b.storeTimeout, b.fallback);
  }

  /**
   * Returns the check with the default score and an in-memory store aged by {@code clock}.
   *
   * @param clock the time source of the store
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static ApprovedAuthorCheck create(InstantSource clock) {
    return builder().clock(clock).build();
  }

  /**
   * Returns a builder with the defaults: score -1.5, 365 days of trust, this server's memory, a 250 ms store
   * timeout, no fallback, the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "author";
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
    if (comment.authorEmail().isBlank()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String key = key(comment);
    return guard.call(() -> authors.isApproved(key)).handle((approved, error) -> {
      if (error == null) {
        return signals(approved);
      }
      if (fallback == null) {
        return List.of(guard.unavailable(error));
      }
      boolean local = fallback.isApproved(key).toCompletableFuture().join();
      return local ? List.of(guard.fallback(), approved()) : List.of(guard.fallback());
    });
  }

  private List<Signal> signals(boolean approved) {
    return approved ? List.of(approved()) : List.of();
  }

  private Signal approved() {
    return Signal.score(name(), "author.previously_approved", score, "The author has had a comment approved before");
  }

  private String key(Comment comment) {
    return fingerprints.of("approved", comment.authorName().strip().toLowerCase(Locale.ROOT),
        comment.authorEmail().strip().toLowerCase(Locale.ROOT));
  }

  /** Approves the author on ham feedback, without waiting for the store. */
  @Override
  public void feedback(Comment comment, SpamContext context, Label label) {
    if (label != Label.HAM || comment.authorEmail().isBlank()) {
      return;
    }
    String key = key(comment);
    if (fallback != null) {
      fallback.approve(key, retention);
    }
    guard.call(() -> authors.approve(key, retention).thenApply(nothing -> Boolean.TRUE));
  }

  @Override
  public String toString() {
    return "ApprovedAuthorCheck[score=" + score + ", retention=" + retention + ", store=" + authors
        + ", storeTimeout=" + guard.timeout() + (fallback != null ? ", fallbackToServerMemory" : "") + "]";
  }

  /** Builds an {@link ApprovedAuthorCheck}. Not thread-safe. */
  public static final class Builder extends StoreCheckBuilder<ApprovedAuthors, Builder> {
    private double score = DEFAULT_SCORE;
    private Duration retention = DEFAULT_RETENTION;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the score of an approved author (default -1.5).
     *
     * @param score from -10 to 0
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder score(double score) {
      if (!(score >= -10 && score <= 0)) {
        throw new IllegalArgumentException("score must be in [-10, 0], was " + score);
      }
      this.score = score;
      return this;
    }

    /**
     * Sets how long an approval is trusted (default 365 days), renewed by each approval.
     *
     * @param retention from 1 day to 3,650 days
     * @return this builder
     * @throws NullPointerException if {@code retention} is null
     * @throws IllegalArgumentException if out of range
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(Duration.ofDays(3650)) > 0) {
        throw new IllegalArgumentException("retention must be in [1 day, 3650 days], was " + retention);
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
    public ApprovedAuthorCheck build() {
      return make(ApprovedAuthors::inMemory, (store, fingerprints) -> new ApprovedAuthorCheck(this, store, fingerprints));
    }
  }
}
